//! Status map files (`--status-map`): a TOML table (`"Dispensation to TP" = "Not
//! handled"`) or a CSV with a `from,to` header, into the model's [`StatusMap`].

use std::fmt;

use minutes_model::{Status, StatusMap};

/// A status map file could not be read: the message names the file (and the line where
/// known) and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMapError(String);

impl fmt::Display for StatusMapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid status map: {}", self.0)
    }
}

impl std::error::Error for StatusMapError {}

/// Reads a status map; `name` (the file's) ending in `.csv` selects CSV, anything else
/// TOML. Keys are statuses (DESIGN.md §3), `superseded STATUS` for a revision that a
/// later decided revision replaces; values are the portal's words.
pub fn read_status_map(text: &str, name: &str) -> Result<StatusMap, StatusMapError> {
    let bad = |message: String| StatusMapError(message);
    let entries = if name.to_lowercase().ends_with(".csv") {
        csv_entries(text, name)?
    } else {
        toml_entries(text, name)?
    };
    let mut map = StatusMap::default();
    for (from, to) in entries {
        let (superseded, status_text) = match from.strip_prefix("superseded ") {
            Some(rest) => (true, rest),
            None => (false, from.as_str()),
        };
        let status = Status::from_phrase(status_text).ok_or_else(|| {
            let known: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
            bad(format!(
                "{name}: unknown status `{status_text}` (known: {})",
                known.join(", ")
            ))
        })?;
        if to.trim().is_empty() {
            return Err(bad(format!("{name}: empty replacement for `{from}`")));
        }
        map.insert(status, superseded, to.trim());
    }
    Ok(map)
}

fn csv_entries(text: &str, name: &str) -> Result<Vec<(String, String)>, StatusMapError> {
    let mut reader =
        csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| StatusMapError(format!("{name}: {e}")))?
        .iter()
        .map(str::to_lowercase)
        .collect::<Vec<_>>();
    if header != ["from", "to"] {
        return Err(StatusMapError(format!(
            "{name}:1: the first line must be the header `from,to`, not `{}`",
            header.join(",")
        )));
    }
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| StatusMapError(format!("{name}: {e}")))?;
        match (record.get(0), record.get(1), record.len()) {
            (Some(from), Some(to), 2) => entries.push((from.to_string(), to.to_string())),
            _ => {
                let line = record.position().map_or(0, csv::Position::line);
                return Err(StatusMapError(format!(
                    "{name}:{line}: expected two columns `from,to`"
                )));
            }
        }
    }
    Ok(entries)
}

fn toml_entries(text: &str, name: &str) -> Result<Vec<(String, String)>, StatusMapError> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        // Line and column of where the parser stopped, 1-based.
        let at = e.span().map_or(0, |span| span.start).min(text.len());
        let before = text.get(..at).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        StatusMapError(format!(
            "{name}:{line}:{column}: {}",
            e.message().trim().replace('\n', "; ")
        ))
    })?;
    let mut entries = Vec::new();
    for (from, to) in table {
        let to = to.as_str().ok_or_else(|| {
            StatusMapError(format!("{name}: the value of `{from}` must be a string"))
        })?;
        entries.push((from, to.to_string()));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    // TOML and CSV give the same map; superseded words are kept apart.
    #[test]
    fn reads_toml_and_csv() {
        let toml = read_status_map(
            "Agreed = \"Approved\"\n\"superseded Noted\" = \"Revised\"\n",
            "map.toml",
        )
        .unwrap();
        let mut expected = StatusMap::default();
        expected.insert(Status::Agreed, false, "Approved");
        expected.insert(Status::Noted, true, "Revised");
        assert_eq!(toml, expected);
        let csv = read_status_map(
            "from,to\nAgreed, Approved\nsuperseded Noted,Revised\n",
            "MAP.CSV",
        )
        .unwrap();
        assert_eq!(csv, expected);
    }

    // Unknown statuses, non-string values and short rows are errors naming the file.
    #[test]
    fn invalid_maps_are_clear_errors() {
        let err =
            read_status_map("Nonsense = \"x\"", "map.toml").unwrap_err().to_string();
        assert!(err.contains("map.toml: unknown status `Nonsense`"), "{err}");
        let err = read_status_map("Agreed = 3", "map.toml").unwrap_err().to_string();
        assert!(err.contains("must be a string"), "{err}");
        let err = read_status_map("from,to\nAgreed\n", "m.csv").unwrap_err().to_string();
        assert!(err.contains("m.csv"), "{err}");
        let err = read_status_map("Agreed = \" \"", "map.toml").unwrap_err().to_string();
        assert!(err.contains("empty replacement"), "{err}");
        assert!(read_status_map("not toml [", "map.toml").is_err());
    }
}
