//! Dispositions CSV.

/// A CSV column.
#[derive(Debug, Clone, Copy)]
pub enum Column {}

/// CSV options.
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {}

/// A status map.
#[derive(Debug, Clone, Default)]
pub struct StatusMap {}

/// Writes dispositions.
pub fn write_dispositions() {}
