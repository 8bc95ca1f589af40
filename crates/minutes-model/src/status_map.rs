//! Portal words for statuses.

use std::collections::HashMap;

use crate::{Disposition, Status};

/// Portal words for statuses, because each portal and chair wants its own.
///
/// A map has words for statuses (`Noted` → `Noted by TP`) and for a revision that a
/// later decided revision of the same document replaces (`superseded Noted` →
/// `Revised`). `minutes_read::read_status_map` reads one from a TOML or CSV file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusMap {
    plain: HashMap<Status, String>,
    superseded: HashMap<Status, String>,
}

impl StatusMap {
    /// Sets the word for `status`, or for `status` of a superseded revision.
    pub fn insert(&mut self, status: Status, superseded: bool, word: impl Into<String>) {
        let target = if superseded { &mut self.superseded } else { &mut self.plain };
        target.insert(status, word.into());
    }

    /// The word for `disposition`'s status: the superseded word when a later revision
    /// replaces it and the map has one, else the plain word, else the status itself.
    pub fn word(&self, disposition: &Disposition) -> String {
        let status = disposition.status;
        if disposition.revised_to.is_some() {
            if let Some(word) = self.superseded.get(&status) {
                return word.clone();
            }
        }
        self.plain.get(&status).cloned().unwrap_or_else(|| status.as_str().to_string())
    }
}
