//! The labels of the cover sheet, shared by whoever reads or fills one.

/// A field of the oneM2M cover sheet, as its label names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoverField {
    /// `Meeting title:`.
    Title,
    /// `Chair:`.
    Chair,
    /// `Vice Chairs:` (one value per vice chair).
    ViceChairs,
    /// `Secretary:`.
    Secretary,
    /// `Meeting Date:`.
    Date,
    /// `Intended purpose of document:` (checkboxes).
    Purpose,
}

impl CoverField {
    /// Every field, in cover-sheet order.
    pub const ALL: [CoverField; 6] = [
        CoverField::Title,
        CoverField::Chair,
        CoverField::ViceChairs,
        CoverField::Secretary,
        CoverField::Date,
        CoverField::Purpose,
    ];

    /// The label of the oneM2M template: `Meeting title:`.
    pub fn label(self) -> &'static str {
        match self {
            CoverField::Title => "Meeting title:",
            CoverField::Chair => "Chair:",
            CoverField::ViceChairs => "Vice Chairs:",
            CoverField::Secretary => "Secretary:",
            CoverField::Date => "Meeting Date:",
            CoverField::Purpose => "Intended purpose of document:",
        }
    }

    /// The field a label names, ignoring case, runs of spaces and a trailing colon:
    /// `Vice  Chairs:`, `vice-chair`, `Intended purpose of document:`, `Meeting Date`.
    pub fn from_label(label: &str) -> Option<CoverField> {
        let folded =
            label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let key = folded.trim_end_matches([':', '.']).trim_end();
        let field = match key {
            "meeting title" | "meeting" | "title" | "meeting name" => CoverField::Title,
            "chair" | "chairs" | "chairman" | "chairperson" | "wg chair" | "convenor" => {
                CoverField::Chair
            }
            "vice chair" | "vice chairs" | "vice chair(s)" | "vice-chair"
            | "vice-chairs" | "vice-chair(s)" | "vice chairman" | "vice chairmen" => {
                CoverField::ViceChairs
            }
            "secretary" | "secretaries" | "minutes taker" => CoverField::Secretary,
            "meeting date" | "meeting dates" | "date" | "dates" => CoverField::Date,
            "intended purpose of document" | "purpose" | "intended purpose" => {
                CoverField::Purpose
            }
            _ => return None,
        };
        Some(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_variants_are_recognised() {
        for field in CoverField::ALL {
            assert_eq!(CoverField::from_label(field.label()), Some(field));
        }
        assert_eq!(CoverField::from_label("Vice  chairs"), Some(CoverField::ViceChairs));
        assert_eq!(
            CoverField::from_label("Intended purpose of\ndocument:"),
            Some(CoverField::Purpose)
        );
        assert_eq!(CoverField::from_label("Attendees:"), None);
    }
}
