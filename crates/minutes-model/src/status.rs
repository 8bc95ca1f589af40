//! Normalised status words (DESIGN.md §3).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The normalised status of a decided document revision. The phrase as written is kept
/// beside it in [`crate::Decision::status_as_written`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Status {
    /// `AGREED`, `agreed`, `accepted`.
    Agreed,
    /// `APPROVED`.
    Approved,
    /// `NOTED`.
    Noted,
    /// `REVISED` (superseded by a later revision).
    Revised,
    /// `WITHDRAWN`.
    Withdrawn,
    /// `POSTPONED`, `deferred`.
    Postponed,
    /// `ENDORSED`.
    Endorsed,
    /// `Technically endorsed`.
    #[serde(rename = "Technically endorsed")]
    TechnicallyEndorsed,
    /// `Partially agreed`.
    #[serde(rename = "Partially agreed")]
    PartiallyAgreed,
    /// `MERGED` (into another document).
    Merged,
    /// `Not handled`, `not treated`.
    #[serde(rename = "Not handled")]
    NotHandled,
    /// `REJECTED`, `not agreed`.
    Rejected,
    /// `Dispensation handled in TP`, `Dispensation to be handled in TP`.
    #[serde(rename = "Dispensation to TP")]
    DispensationToTp,
    /// `Replied to` (3GPP: an incoming LS answered by another document).
    #[serde(rename = "Replied to")]
    RepliedTo,
    /// `Not pursued` (3GPP: dropped by its source or the group without a decision on it).
    #[serde(rename = "Not pursued")]
    NotPursued,
}

/// Phrases (lower-case, single-spaced) and the status they mean; longest first so that
/// `technically endorsed` wins over `endorsed`.
const PHRASES: &[(&str, Status)] = &[
    ("dispensation to be handled in tp", Status::DispensationToTp),
    ("dispensation handled in tp", Status::DispensationToTp),
    ("dispensation to tp", Status::DispensationToTp),
    ("technically endorsed", Status::TechnicallyEndorsed),
    ("partially agreed", Status::PartiallyAgreed),
    ("not handled", Status::NotHandled),
    ("not pursued", Status::NotPursued),
    ("not treated", Status::NotHandled),
    ("not agreed", Status::Rejected),
    ("agreed", Status::Agreed),
    ("accepted", Status::Agreed),
    ("approved", Status::Approved),
    ("noted", Status::Noted),
    ("revised", Status::Revised),
    ("withdrawn", Status::Withdrawn),
    ("postponed", Status::Postponed),
    ("deferred", Status::Postponed),
    ("endorsed", Status::Endorsed),
    ("merged", Status::Merged),
    ("rejected", Status::Rejected),
    ("replied to", Status::RepliedTo),
];

impl Status {
    /// Every status, in the order of DESIGN.md §3.
    pub const ALL: [Status; 15] = [
        Status::Agreed,
        Status::Approved,
        Status::Noted,
        Status::Revised,
        Status::Withdrawn,
        Status::Postponed,
        Status::Endorsed,
        Status::TechnicallyEndorsed,
        Status::PartiallyAgreed,
        Status::Merged,
        Status::NotHandled,
        Status::Rejected,
        Status::DispensationToTp,
        Status::RepliedTo,
        Status::NotPursued,
    ];

    /// The status a whole phrase means (`AGREED`, `Dispensation to be handled in TP`,
    /// `technically  endorsed`), ignoring case, surrounding spaces and runs of spaces.
    /// Returns `None` for anything else, including phrases with trailing words.
    pub fn from_phrase(phrase: &str) -> Option<Status> {
        let folded = fold(phrase);
        PHRASES.iter().find(|(text, _)| *text == folded).map(|(_, status)| *status)
    }

    /// The status whose phrase starts `text` (ignoring case and runs of spaces), and the
    /// byte length of that phrase in `text`.
    pub fn from_prefix(text: &str) -> Option<(Status, usize)> {
        // Every phrase starts with an ASCII letter other than `k`, and only ASCII capitals
        // lower-case to those (the Kelvin sign is the one other capital of an ASCII letter):
        // the first byte rules out most lines, which are no decision, at once.
        let first = text.as_bytes().first()?.to_ascii_lowercase();
        PHRASES
            .iter()
            .filter(|(phrase, _)| phrase.as_bytes().first() == Some(&first))
            .find_map(|(phrase, status)| {
                prefix_len(text, phrase).map(|len| (*status, len))
            })
    }

    /// The normalised word as DESIGN.md §3 spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Agreed => "Agreed",
            Status::Approved => "Approved",
            Status::Noted => "Noted",
            Status::Revised => "Revised",
            Status::Withdrawn => "Withdrawn",
            Status::Postponed => "Postponed",
            Status::Endorsed => "Endorsed",
            Status::TechnicallyEndorsed => "Technically endorsed",
            Status::PartiallyAgreed => "Partially agreed",
            Status::Merged => "Merged",
            Status::NotHandled => "Not handled",
            Status::Rejected => "Rejected",
            Status::DispensationToTp => "Dispensation to TP",
            Status::RepliedTo => "Replied to",
            Status::NotPursued => "Not pursued",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Matches `phrase` (lower-case, single spaces) at the start of `text`, case-insensitively,
/// letting any run of white space stand for a space; the match must end at a word boundary.
fn prefix_len(text: &str, phrase: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    for expected in phrase.chars() {
        if expected == ' ' {
            let mut any = false;
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {
                any = true;
            }
            if !any {
                return None;
            }
        } else {
            let (_, c) = chars.next()?;
            if !c.to_lowercase().eq(expected.to_lowercase()) {
                return None;
            }
        }
    }
    let end = chars.peek().map_or(text.len(), |(i, _)| *i);
    let boundary = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    boundary.then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    // What the first-byte filter of `from_prefix` relies on.
    #[test]
    fn only_ascii_capitals_lower_case_to_phrase_initials() {
        let initials: Vec<char> =
            PHRASES.iter().filter_map(|(phrase, _)| phrase.chars().next()).collect();
        assert!(initials.iter().all(|c| c.is_ascii_lowercase() && *c != 'k'));
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if initials.contains(&l) {
                    assert!(c.is_ascii(), "{c:?} lower-cases to {l:?}");
                }
            }
        }
    }

    #[test]
    fn phrases_normalise() {
        assert_eq!(Status::from_phrase("AGREED"), Some(Status::Agreed));
        assert_eq!(Status::from_phrase(" noted "), Some(Status::Noted));
        assert_eq!(
            Status::from_phrase("Dispensation handled in TP"),
            Some(Status::DispensationToTp)
        );
        assert_eq!(
            Status::from_phrase("Dispensation to be  handled in TP"),
            Some(Status::DispensationToTp)
        );
        assert_eq!(
            Status::from_phrase("Technically Endorsed"),
            Some(Status::TechnicallyEndorsed)
        );
        assert_eq!(Status::from_phrase("agreed by correspondence"), None);
        assert_eq!(Status::from_phrase("discussed"), None);
        assert_eq!(Status::from_phrase("Replied to"), Some(Status::RepliedTo));
        assert_eq!(Status::from_phrase("not  pursued"), Some(Status::NotPursued));
    }

    #[test]
    fn prefixes_stop_at_word_boundaries() {
        assert_eq!(Status::from_prefix("AGREED - SEC"), Some((Status::Agreed, 6)));
        assert_eq!(Status::from_prefix("NOTEDx"), None);
        assert_eq!(Status::from_prefix("Not handled."), Some((Status::NotHandled, 11)));
        assert_eq!(Status::from_prefix("not agreed yet"), Some((Status::Rejected, 10)));
    }

    #[test]
    fn serde_spells_design_words() {
        for status in Status::ALL {
            let json = serde_json::to_string(&status).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
    }
}
