//! Tdoc identifiers: oneM2M's `GROUP-YYYY-NNNN[Rnn]` (DESIGN.md §2) and 3GPP's
//! `<group>-<YY><NNNNN>` (`S2-1903157`, `R1-160239`).

mod parts;
mod scan;
mod spans;

pub use spans::{leading_tdoc_spans, tdoc_spans, TdocSpan, TdocSpans};

use std::{cmp::Ordering, fmt, hash::Hash, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A oneM2M document identifier such as `SEC-2015-0524R02`, stored normalised.
///
/// Parsing is tolerant of what minutes contain: en or em dashes instead of hyphens, a
/// lower-case `r`, a one-digit revision, a revision glued to the next word (`R02was`).
/// The normalised form uses ASCII hyphens and a two-digit revision.
///
/// Identifiers compare, hash and print field by field: group, year, serial, revision.
#[derive(Clone)]
pub struct Tdoc {
    /// Group and serial inline: Tdocs are cloned a lot, and heap strings cost allocations.
    parts: parts::Parts,
    year: u16,
    revision: Option<u8>,
    scheme: Scheme,
}

/// The identifier scheme of a standards body: how its document ids are written. In JSON
/// it is the body's name as `--body` takes it (`onem2m`, `3gpp`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
)]
pub enum Scheme {
    /// oneM2M: `SEC-2015-0524R02`.
    #[default]
    #[serde(rename = "onem2m")]
    OneM2m,
    /// 3GPP: `S2-1903157`, two-digit year and four- or five-digit serial.
    #[serde(rename = "3gpp")]
    ThreeGpp,
}

impl Scheme {
    /// The scheme a `--body` value names: `onem2m` or `3gpp`.
    pub fn from_body(name: &str) -> Option<Scheme> {
        match name.to_ascii_lowercase().as_str() {
            "onem2m" => Some(Scheme::OneM2m),
            "3gpp" => Some(Scheme::ThreeGpp),
            _ => None,
        }
    }

    /// The body's name as `--body` takes it.
    pub fn body(self) -> &'static str {
        match self {
            Scheme::OneM2m => "onem2m",
            Scheme::ThreeGpp => "3gpp",
        }
    }
}

impl Tdoc {
    /// The fields in comparison order, as the former derived impls saw them.
    fn key(&self) -> (&str, u16, &str, Option<u8>) {
        (self.group(), self.year, self.serial(), self.revision)
    }

    /// [`Tdoc::key`] with the texts as bytes, which order and compare as the texts do
    /// without a UTF-8 check each; the scheme last.
    fn byte_key(&self) -> (&[u8], u16, &[u8], Option<u8>, Scheme) {
        (
            self.parts.group_bytes(),
            self.year,
            self.parts.serial_bytes(),
            self.revision,
            self.scheme,
        )
    }
}

impl PartialEq for Tdoc {
    fn eq(&self, other: &Tdoc) -> bool {
        self.year == other.year
            && self.scheme == other.scheme
            && self.revision == other.revision
            && self.parts.serial_bytes() == other.parts.serial_bytes()
            && self.parts.group_bytes() == other.parts.group_bytes()
    }
}

impl Eq for Tdoc {}

impl PartialOrd for Tdoc {
    fn partial_cmp(&self, other: &Tdoc) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Tdoc {
    fn cmp(&self, other: &Tdoc) -> Ordering {
        self.byte_key().cmp(&other.byte_key())
    }
}

// Eq and Ord compare `byte_key`, Hash hashes `key`: the same parts, as bytes or as the
// text they always are, so equal Tdocs hash alike. Hashing the text keeps the hashes, and
// so the iteration order of the recogniser's maps, as they were.
impl Hash for Tdoc {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
        // oneM2M ids hash as they always did.
        if self.scheme != Scheme::OneM2m {
            self.scheme.hash(state);
        }
    }
}

impl fmt::Debug for Tdoc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Tdoc");
        debug
            .field("group", &self.group())
            .field("year", &self.year)
            .field("serial", &self.serial())
            .field("revision", &self.revision);
        if self.scheme != Scheme::OneM2m {
            debug.field("scheme", &self.scheme);
        }
        debug.finish()
    }
}

/// A Tdoc could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "not a Tdoc identifier: `{0}` (expected GROUP-YYYY-NNNN[Rnn] or 3GPP's GG-YYNNNNN)"
)]
pub struct ParseTdocError(pub String);

/// A Tdoc reference found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TdocMatch {
    /// Byte offset where the reference starts.
    pub start: usize,
    /// Byte offset just past the reference.
    pub end: usize,
    /// The reference as written.
    pub as_written: String,
    /// What it refers to.
    pub reference: TdocRef,
}

/// A complete identifier or an abbreviated one (`-0576`, `-0527R01`) that needs the group
/// and year of the document under discussion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TdocRef {
    /// A complete identifier.
    Full(Tdoc),
    /// Serial (and revision) only.
    Abbreviated {
        /// The serial number as written, e.g. `0576`.
        serial: String,
        /// The revision, if any.
        revision: Option<u8>,
    },
}

impl TdocRef {
    /// The identifier this reference names, taking group and year from `context` when
    /// the reference is abbreviated.
    pub fn resolve(&self, context: &Tdoc) -> Tdoc {
        match self {
            TdocRef::Full(tdoc) => tdoc.clone(),
            TdocRef::Abbreviated { serial, revision } => Tdoc {
                parts: parts::Parts::new(context.group(), serial, false),
                year: context.year,
                revision: *revision,
                scheme: context.scheme,
            },
        }
    }
}

/// Builder methods
impl Tdoc {
    /// A Tdoc from its parts. `group` is upper-cased; `serial` must be digits.
    pub fn new(group: &str, year: u16, serial: &str, revision: Option<u8>) -> Tdoc {
        Tdoc {
            parts: parts::Parts::new(group, serial, true),
            year,
            revision,
            scheme: Scheme::OneM2m,
        }
    }

    /// A 3GPP identifier from its parts: `new_3gpp("S2", 2019, "03157", None)` is
    /// `S2-1903157`.
    /// A group of 3GPP's list keeps its listed spelling (`S3i`); any other is upper-cased.
    pub fn new_3gpp(group: &str, year: u16, serial: &str, revision: Option<u8>) -> Tdoc {
        let parts = match scan::gpp_group(group) {
            Some((listed, _)) => parts::Parts::new(listed, serial, false),
            None => parts::Parts::new(group, serial, true),
        };
        Tdoc { parts, year, revision, scheme: Scheme::ThreeGpp }
    }

    /// The same document without its revision.
    pub fn base(&self) -> Tdoc {
        self.with_revision(None)
    }

    /// The same document with another revision.
    pub fn with_revision(&self, revision: Option<u8>) -> Tdoc {
        Tdoc { revision, ..self.clone() }
    }

    /// The same document with another year.
    pub fn with_year(&self, year: u16) -> Tdoc {
        Tdoc { year, ..self.clone() }
    }
}

/// Getters
impl Tdoc {
    /// The group, e.g. `SEC`.
    pub fn group(&self) -> &str {
        self.parts.group()
    }

    /// The year as written, e.g. 2015 (or 2105 for a typo).
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The serial number as written, e.g. `0524`.
    pub fn serial(&self) -> &str {
        self.parts.serial()
    }

    /// The revision number, e.g. 2 for `R02`.
    pub fn revision(&self) -> Option<u8> {
        self.revision
    }

    /// The identifier scheme (the body) the id is written in.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// Returns true if and only if both identifiers name the same document, whatever
    /// their revisions.
    pub fn same_document(&self, other: &Tdoc) -> bool {
        self.year == other.year
            && self.scheme == other.scheme
            && self.parts.serial_bytes() == other.parts.serial_bytes()
            && self.parts.group_bytes() == other.parts.group_bytes()
    }

    /// Returns true if and only if both identifiers share year and serial but not group
    /// (`SEC-2015-0670` listed, `TP-2015-0670` decided).
    pub fn same_serial_other_group(&self, other: &Tdoc) -> bool {
        self.year == other.year
            && self.parts.serial_bytes() == other.parts.serial_bytes()
            && self.parts.group_bytes() != other.parts.group_bytes()
    }

    /// The years that swapping two adjacent digits of this identifier's year gives
    /// (`2105` gives 1205, 2015 and 2150), limited to 1990–2099.
    pub fn transposed_years(&self) -> Vec<u16> {
        self.transposed_years_iter().collect()
    }

    /// [`Tdoc::transposed_years`] without allocating, in the same order: the recogniser
    /// asks for every Tdoc of a meeting.
    pub fn transposed_years_iter(&self) -> impl Iterator<Item = u16> {
        // The digits of the year written on at least four places, as `{:04}` prints it.
        let year = u32::from(self.year);
        // Only oneM2M writes four-digit years to mistype; 3GPP ids have none to swap.
        let count = match (self.scheme, year >= 10_000) {
            (Scheme::ThreeGpp, _) => 1,
            (_, true) => 5,
            _ => 4,
        };
        let digit = move |i: u32| year / 10u32.pow(count - 1 - i) % 10;
        let own = self.year;
        (0..count - 1).filter_map(move |i| {
            // Swapping digits i and i+1 changes the value by (d_i - d_{i+1}) times
            // (10^(count-1-i) - 10^(count-2-i)).
            let (high, low) = (digit(i), digit(i + 1));
            let place = 10u32.pow(count - 2 - i);
            let swapped =
                year + low * place * 10 + high * place - high * place * 10 - low * place;
            // Distinct adjacent swaps never give the same number, so no duplicates.
            u16::try_from(swapped).ok().filter(|y| *y != own && (1990..=2099).contains(y))
        })
    }

    /// The year this identifier probably meant when its year is far (more than one year)
    /// from `meeting_year` and swapping two adjacent digits gives a year within one year
    /// of it: `2105` in a 2015 meeting gives `Some(2015)`.
    pub fn year_typo_fix(&self, meeting_year: u16) -> Option<u16> {
        if self.scheme == Scheme::ThreeGpp || self.year.abs_diff(meeting_year) <= 1 {
            return None;
        }
        let digits: Vec<char> = self.year.to_string().chars().collect();
        (0..digits.len().saturating_sub(1)).find_map(|i| {
            let mut swapped = digits.clone();
            swapped.swap(i, i + 1);
            let year: u16 = swapped.iter().collect::<String>().parse().ok()?;
            (year.abs_diff(meeting_year) <= 1).then_some(year)
        })
    }
}

impl fmt::Display for Tdoc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.scheme {
            Scheme::OneM2m => {
                write!(f, "{}-{:04}-{}", self.group(), self.year, self.serial())?
            }
            Scheme::ThreeGpp => {
                // A group that writes its ids without a dash keeps it so: `S3i190265`.
                let joint = match scan::gpp_group(self.group()) {
                    Some((_, scan::Joint::Glued)) => "",
                    _ => "-",
                };
                write!(
                    f,
                    "{}{joint}{:02}{}",
                    self.group(),
                    self.year % 100,
                    self.serial()
                )?
            }
        }
        if let Some(revision) = self.revision {
            write!(f, "R{revision:02}")?;
        }
        Ok(())
    }
}

impl FromStr for Tdoc {
    type Err = ParseTdocError;

    /// Parses a whole string (surrounding spaces allowed) as one identifier.
    fn from_str(s: &str) -> Result<Tdoc, ParseTdocError> {
        let trimmed = s.trim();
        match find_tdocs(trimmed).as_slice() {
            [TdocMatch { start: 0, end, reference: TdocRef::Full(tdoc), .. }]
                if *end == trimmed.len() =>
            {
                Ok(tdoc.clone())
            }
            _ => Err(ParseTdocError(s.to_string())),
        }
    }
}

impl Serialize for Tdoc {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Tdoc {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Tdoc, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

fn revision(text: &str, digits: Option<std::ops::Range<usize>>) -> Option<u8> {
    digits.and_then(|r| text.get(r)?.parse().ok())
}

/// Finds the Tdoc identifiers in `text`, in order: complete ones (`SEC-2015-0507`) and the
/// abbreviated ones written after a slash (`SEC-2015-0507/-0576`, `TP-2015-0670/0671`).
/// Use [`find_abbreviations`] for abbreviations standing alone in prose, and
/// [`tdoc_spans`] to look at them without copying each as written.
pub fn find_tdocs(text: &str) -> Vec<TdocMatch> {
    tdoc_spans(text).map(TdocSpan::into_match).collect()
}

/// The first complete identifier in `text` (abbreviations after it are not looked for):
/// what [`find_tdocs`] finds first, without finding the rest.
pub fn find_first_tdoc(text: &str) -> Option<TdocMatch> {
    tdoc_spans(text).next().map(TdocSpan::into_match)
}

/// Finds abbreviated references standing alone in prose: `as contained in -0511`,
/// `combined with the requirements in -0527R01`.
pub fn find_abbreviations(text: &str) -> Vec<TdocMatch> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(m) = scan::find_standalone(text, from) {
        from = m.all.end;
        let end = m.all.end;
        let after = text.get(end..).unwrap_or_default();
        if after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            continue;
        }
        let all = text.get(m.all.clone()).unwrap_or_default();
        let start = m.all.start + all.len() - all.trim_start_matches([' ', '(']).len();
        found.push(TdocMatch {
            start,
            end,
            as_written: text.get(start..end).unwrap_or_default().to_string(),
            reference: TdocRef::Abbreviated {
                serial: text.get(m.serial).unwrap_or_default().to_string(),
                revision: revision(text, m.revision),
            },
        });
    }
    found
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn full(text: &str) -> Vec<String> {
        find_tdocs(text)
            .into_iter()
            .map(|m| match m.reference {
                TdocRef::Full(t) => t.to_string(),
                TdocRef::Abbreviated { serial, revision } => {
                    format!(
                        "-{serial}{}",
                        revision.map(|r| format!("R{r:02}")).unwrap_or_default()
                    )
                }
            })
            .collect()
    }

    #[test]
    fn parses_and_normalises() {
        let t: Tdoc = "SEC-2015-0524R02".parse().unwrap();
        assert_eq!(
            (t.group(), t.year(), t.serial(), t.revision()),
            ("SEC", 2015, "0524", Some(2))
        );
        assert_eq!(t.to_string(), "SEC-2015-0524R02");
        assert_eq!(
            " ARC-2015-1897r1 ".parse::<Tdoc>().unwrap().to_string(),
            "ARC-2015-1897R01"
        );
        assert_eq!("TP–2015–0685".parse::<Tdoc>().unwrap().to_string(), "TP-2015-0685");
        assert_eq!("SEC-2018-12345".parse::<Tdoc>().unwrap().serial(), "12345");
    }

    #[test]
    fn rejects_non_tdocs() {
        for text in [
            "TS-0001",
            "TR-00018",
            "WI-0016",
            "WI 0016",
            "A-WG4-TP16-001",
            "A-331-1",
            "RFC5374",
            "TS-0008v3_1_0",
            "SEC-15-0524",
            "SEC-2015-052",
            "SEC-2015-0524 extra",
            "",
            "SEC-2015-123456",
            "sec-2015-0524",
            "XSEC-2015-0524R01x",
        ] {
            assert!(text.parse::<Tdoc>().is_err(), "{text} parsed");
        }
    }

    #[test]
    fn first_tdoc_is_the_first_found() {
        for text in [
            "",
            "no id here",
            "XSEC-2015-0001 then SEC-2015-0002",
            "SEC-2015-050712 is not one, TP-2015-0670/0671 is",
            "aSEC-2015-0001 glued, SEC-2015-0001R0112 too, SEC-2015-0001R01 fine",
            "see -0511 and SEC–2016–0042R2was agreed",
        ] {
            let all = find_tdocs(text);
            assert_eq!(find_first_tdoc(text).as_ref(), all.first(), "{text}");
        }
    }

    #[test]
    fn finds_glued_revision_before_a_word() {
        assert_eq!(full("SEC-2018-0060R02was NOTED"), ["SEC-2018-0060R02"]);
        assert_eq!(full("SEC-2015-0524R01-SEC_17_Agenda"), ["SEC-2015-0524R01"]);
    }

    #[test]
    fn finds_ids_between_en_dashes() {
        assert_eq!(full("AGREED – SEC-2105-0576 – Use Case of PPM"), ["SEC-2105-0576"]);
    }

    #[test]
    fn finds_two_ids_in_one_cell() {
        assert_eq!(full("SEC-2015-0507/-0576"), ["SEC-2015-0507", "-0576"]);
        assert_eq!(
            full("SEC-2015-0507/-0576- Use case of PPM"),
            ["SEC-2015-0507", "-0576"]
        );
        assert_eq!(full("TP-2015-0670/0671"), ["TP-2015-0670", "-0671"]);
        assert_eq!(full("SEC-2015-0507 / -0576R01"), ["SEC-2015-0507", "-0576R01"]);
    }

    #[test]
    fn leaves_id_like_titles_alone() {
        assert_eq!(full("SEC-2015-0535- WI-0016 update"), ["SEC-2015-0535"]);
        assert_eq!(full("TR-0016/WI-0023 – Authorization"), Vec::<String>::new());
        assert_eq!(full("LinkDeviceConfigWithSaef_R2"), Vec::<String>::new());
    }

    #[test]
    fn finds_ids_in_prose_and_parentheses() {
        assert_eq!(
            full("It is linked to SEC-2018-0063 (“Discussion”) and (ARC-2018-0047R01)."),
            ["SEC-2018-0063", "ARC-2018-0047R01"]
        );
    }

    #[test]
    fn finds_standalone_abbreviations() {
        let found =
            find_abbreviations("combined with the requirements in -0527R01 will be");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].as_written, "-0527R01");
        let context: Tdoc = "SEC-2015-0568R02".parse().unwrap();
        assert_eq!(found[0].reference.resolve(&context).to_string(), "SEC-2015-0527R01");
        assert!(find_abbreviations("13:00-15:00 and 17-21 May").is_empty());
        assert_eq!(find_abbreviations("(the update contained in -0576)").len(), 1);
    }

    #[test]
    fn base_and_same_document() {
        let r5: Tdoc = "SEC-2015-0517R05".parse().unwrap();
        let r3: Tdoc = "SEC-2015-0517R03".parse().unwrap();
        assert!(r5.same_document(&r3));
        assert_eq!(r5.base(), r3.base());
        let tp: Tdoc = "TP-2015-0670".parse().unwrap();
        let sec: Tdoc = "SEC-2015-0670".parse().unwrap();
        assert!(tp.same_serial_other_group(&sec));
        assert!(!tp.same_document(&sec));
    }

    #[test]
    fn transposed_years() {
        let typo: Tdoc = "REQ-2012-0105R01".parse().unwrap();
        assert_eq!(typo.transposed_years(), [2021]);
        let typo: Tdoc = "SEC-2105-0576".parse().unwrap();
        assert_eq!(typo.transposed_years(), [2015]);
    }

    #[test]
    fn year_typo_fix_swaps_adjacent_digits() {
        let typo: Tdoc = "SEC-2105-0576".parse().unwrap();
        assert_eq!(typo.year_typo_fix(2015), Some(2015));
        let fine: Tdoc = "SEC-2016-0576".parse().unwrap();
        assert_eq!(fine.year_typo_fix(2015), None);
        let far: Tdoc = "SEC-2009-0576".parse().unwrap();
        assert_eq!(far.year_typo_fix(2015), None);
    }

    #[test]
    fn serde_uses_the_normalised_string() {
        let t: Tdoc = "SEC–2015–0524r2".parse().unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"SEC-2015-0524R02\"");
        assert_eq!(serde_json::from_str::<Tdoc>(&json).unwrap(), t);
        assert!(serde_json::from_str::<Tdoc>("\"nonsense\"").is_err());
    }

    /// The former representation, with derived impls, as the reference for the inline one.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    struct OldTdoc {
        group: String,
        year: u16,
        serial: String,
        revision: Option<u8>,
    }

    fn old_transposed_years(year: u16) -> Vec<u16> {
        let digits: Vec<char> = format!("{year:04}").chars().collect();
        let mut years = Vec::new();
        for i in 0..digits.len().saturating_sub(1) {
            let mut swapped = digits.clone();
            swapped.swap(i, i + 1);
            if let Ok(y) = swapped.iter().collect::<String>().parse::<u16>() {
                if y != year && (1990..=2099).contains(&y) && !years.contains(&y) {
                    years.push(y);
                }
            }
        }
        years
    }

    fn sip<T: std::hash::Hash>(value: &T) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        // Fixed keys: the same value hashes alike across calls.
        BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
            .hash_one(value)
    }

    fn both(
        group: &str,
        year: u16,
        serial: &str,
        revision: Option<u8>,
    ) -> (Tdoc, OldTdoc) {
        let new = Tdoc::new(group, year, serial, revision);
        let old = OldTdoc {
            group: group.to_uppercase(),
            year,
            serial: serial.to_string(),
            revision,
        };
        (new, old)
    }

    /// Groups and serials: real ones, and unusual ones that `Tdoc::new` also accepts (long,
    /// lower-case, non-ASCII, empty) to exercise the heap form.
    fn part() -> impl Strategy<Value = String> {
        prop_oneof!["[A-Z]{2,6}", "[0-9]{4,5}", "[a-zA-Z0-9ßéİ]{0,30}", "\\PC{0,12}",]
    }

    fn parts() -> impl Strategy<Value = (String, u16, String, Option<u8>)> {
        (part(), prop_oneof![1990u16..2100, any::<u16>()], part(), any::<Option<u8>>())
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn inline_tdoc_behaves_like_the_string_one(
            a in parts(),
            b in parts(),
        ) {
            let (new_a, old_a) = both(&a.0, a.1, &a.2, a.3);
            let (new_b, old_b) = both(&b.0, b.1, &b.2, b.3);
            prop_assert_eq!(new_a.group(), old_a.group.as_str());
            prop_assert_eq!(new_a.serial(), old_a.serial.as_str());
            prop_assert_eq!(new_a.cmp(&new_b), old_a.cmp(&old_b));
            prop_assert_eq!(new_a == new_b, old_a == old_b);
            prop_assert_eq!(new_a.cmp(&new_a.clone()), std::cmp::Ordering::Equal);
            prop_assert_eq!(sip(&new_a), sip(&old_a));
            prop_assert_eq!(format!("{new_a:?}").replacen("OldTdoc", "Tdoc", 1), format!("{old_a:?}").replacen("OldTdoc", "Tdoc", 1));
            let old_display = format!("{}-{:04}-{}{}", old_a.group, old_a.year, old_a.serial,
                old_a.revision.map(|r| format!("R{r:02}")).unwrap_or_default());
            prop_assert_eq!(new_a.to_string(), old_display);
            prop_assert_eq!(new_a.transposed_years(), old_transposed_years(a.1));
            prop_assert_eq!(new_a.base().revision(), None);
            prop_assert_eq!(new_a.with_year(b.1).year(), b.1);
            prop_assert!(new_a.same_document(&new_a.with_revision(b.3)));
        }

        #[test]
        fn abbreviations_resolve_against_any_group(a in parts(), serial in "[0-9]{4,5}") {
            let (context, _) = both(&a.0, a.1, &a.2, a.3);
            let resolved = TdocRef::Abbreviated { serial: serial.clone(), revision: None }
                .resolve(&context);
            prop_assert_eq!(resolved.group(), context.group());
            prop_assert_eq!(resolved.serial(), serial.as_str());
        }
    }

    #[test]
    fn transposed_years_of_every_year_match_the_former_ones() {
        for year in 0..=u16::MAX {
            let tdoc = Tdoc::new("SEC", year, "0001", None);
            assert_eq!(tdoc.transposed_years(), old_transposed_years(year), "{year}");
        }
    }

    #[test]
    fn tdocs_stay_small() {
        assert!(std::mem::size_of::<Tdoc>() <= 32);
    }
}

#[cfg(test)]
mod gpp_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn parses_3gpp_ids_with_any_dash_and_revision_forms() {
        for (text, shown) in [
            ("S2-1903157", "S2-1903157"),
            ("S2\u{2011}1903157", "S2-1903157"),
            ("R1–160239", "R1-160239"),
            ("R2-1816041", "R2-1816041"),
            ("C4-191234", "C4-191234"),
            ("SP-190123", "SP-190123"),
            ("RP-190001r2", "RP-190001R02"),
            ("CP-190001rev2", "CP-190001R02"),
            ("S2-1903157R02", "S2-1903157R02"),
        ] {
            let tdoc: Tdoc = text.parse().unwrap();
            assert_eq!(tdoc.to_string(), shown, "{text}");
            assert_eq!(tdoc.scheme(), Scheme::ThreeGpp);
        }
        let tdoc: Tdoc = "S2-1903157".parse().unwrap();
        assert_eq!((tdoc.group(), tdoc.year(), tdoc.serial()), ("S2", 2019, "03157"));
        assert_eq!(tdoc, Tdoc::new_3gpp("S2", 2019, "03157", None));
        assert_ne!(tdoc, Tdoc::new("S2", 2019, "03157", None));
        assert_eq!(tdoc.year_typo_fix(2015), None);
        assert!(tdoc.transposed_years().is_empty());
    }

    #[test]
    fn leaves_other_numbers_alone() {
        for text in ["TS-0001", "TR-00018", "S2-19031", "X2-1903157", "S2-190315712"] {
            assert!(text.parse::<Tdoc>().is_err(), "{text} parsed");
        }
        assert_eq!(find_tdocs("TD S2\u{2011}1903157 and (S2-1903158)").len(), 2);
    }

    fn shown(text: &str) -> Vec<String> {
        find_tdocs(text)
            .into_iter()
            .filter_map(|m| match m.reference {
                TdocRef::Full(tdoc) => Some(tdoc.to_string()),
                TdocRef::Abbreviated { .. } => None,
            })
            .collect()
    }

    #[test]
    fn finds_ids_written_without_their_dash() {
        let tdoc: Tdoc = "S3i190265".parse().unwrap();
        assert_eq!(
            (tdoc.group(), tdoc.year(), tdoc.serial(), tdoc.scheme()),
            ("S3i", 2019, "0265", Scheme::ThreeGpp)
        );
        // SA3-LI writes no dash, and its ids print so; other groups print theirs.
        assert_eq!(tdoc.to_string(), "S3i190265");
        assert_eq!("S3i-190265".parse::<Tdoc>().unwrap(), tdoc);
        assert_eq!(tdoc, Tdoc::new_3gpp("s3I", 2019, "0265", None));
        assert_eq!("S21903157".parse::<Tdoc>().unwrap().to_string(), "S2-1903157");
        assert_eq!("RP190001rev2".parse::<Tdoc>().unwrap().to_string(), "RP-190001R02");
        assert_eq!(
            shown("LS in S3i190265 (S3i190266r1), see TD S21903157."),
            ["S3i190265", "S3i190266R01", "S2-1903157"]
        );
        assert_eq!(
            shown("S3i190265/S2-1903157;C41912345"),
            ["S3i190265", "S2-1903157", "C4-1912345"]
        );
    }

    // What only the group list tells from an id: numbers, specs, dates, releases, words.
    #[test]
    fn glued_ids_leave_other_numbers_alone() {
        for text in [
            "in 2019, 1999 and 20190408",
            "+33 1 23 45 67 89, +49 89 1234567, tel. 0049891234567",
            "TS 23.501 and 23.501 v16.0.0, TS 23501, TS23501, TR 23.700-91",
            "Rel-16, Rel16, R15, Release 16",
            "S1AP, C4 2019, CT4#91, SA2#132, S2#131, R16-1234567, IMT2020",
            "CR1171, CR 1171, S1234, RP1234, GP12345",
            "XS21903157, S219031571, S21903157a, s21903157, S3I190265, S3i19026",
            "R2 1903157, T1 234567, S2:1903157",
        ] {
            assert_eq!(shown(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn gpp_groups_are_listed_longest_first() {
        for (i, (name, _)) in scan::GPP_GROUPS.iter().enumerate() {
            for (later, _) in scan::GPP_GROUPS.iter().skip(i + 1) {
                assert!(
                    !later.starts_with(name) || later == name,
                    "{name} before {later}"
                );
                assert_ne!(later, name);
            }
        }
    }
}
