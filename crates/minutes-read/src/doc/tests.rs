//! Tests of the `.doc` reader on documents built in memory.
