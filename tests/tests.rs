//! Integration tests: one module per feature.
