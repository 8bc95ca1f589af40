//! Hand-written matchers for the identifier patterns: every draft line is searched, and
//! compiling the equivalent regexes cost more than the search of a whole draft. Each
//! function matches exactly what its documented pattern would (leftmost match, greedy
//! repetitions).

use std::ops::Range;

use super::Scheme;

/// A hyphen or one of the dashes Word substitutes for it: `[-‐‑–—]`.
fn dash_len(text: &str, at: usize) -> Option<usize> {
    let c = text.get(at..)?.chars().next()?;
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}')
        .then(|| c.len_utf8())
}

/// The number of ASCII bytes from `at` satisfying `pred`, counting at most `max`.
fn count(bytes: &[u8], at: usize, max: usize, pred: fn(&u8) -> bool) -> usize {
    bytes.get(at..).unwrap_or_default().iter().take(max).take_while(|b| pred(b)).count()
}

/// `(?:[Rr]([0-9]{min,max}))?` at `at`: the digits' range, if present.
fn revision_at(bytes: &[u8], at: usize, min: usize, max: usize) -> Option<Range<usize>> {
    if !matches!(bytes.get(at), Some(b'R' | b'r')) {
        return None;
    }
    let digits = count(bytes, at + 1, max, u8::is_ascii_digit);
    (digits >= min).then(|| at + 1..at + 1 + digits)
}

/// `(?:[Rr]|[Rr][Ee][Vv])([0-9]{1,2})` at `at`: a revision written `R02`, `r2` or `rev2`.
fn any_revision_at(bytes: &[u8], at: usize) -> Option<Range<usize>> {
    revision_at(bytes, at, 1, 2).or_else(|| {
        let rev = bytes.get(at..at + 3)?;
        if !rev.eq_ignore_ascii_case(b"rev") {
            return None;
        }
        let digits = count(bytes, at + 3, 2, u8::is_ascii_digit);
        (digits >= 1).then(|| at + 3..at + 3 + digits)
    })
}

/// `([0-9]{4,5})(?:[Rr]([0-9]{1,2}))?` at `at`: the serial's range, the revision's, and
/// the end of the match.
type SerialMatch = (Range<usize>, Option<Range<usize>>, usize);

fn serial_at(bytes: &[u8], at: usize) -> Option<SerialMatch> {
    let digits = count(bytes, at, 5, u8::is_ascii_digit);
    if digits < 4 {
        return None;
    }
    let serial = at..at + digits;
    let revision = revision_at(bytes, serial.end, 1, 2);
    let end = revision.as_ref().map_or(serial.end, |r| r.end);
    Some((serial, revision, end))
}

/// A match of the full identifier pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Full {
    pub all: Range<usize>,
    pub group: Range<usize>,
    pub year: Range<usize>,
    pub serial: Range<usize>,
    pub revision: Option<Range<usize>>,
    pub scheme: super::Scheme,
}

/// The leftmost match at or after `from` of either identifier pattern: a dashed one
/// ([`find_dashed`]) or a 3GPP id without its dash ([`glued_at`]); only `body`'s patterns
/// when it is given.
pub(super) fn find_full(text: &str, from: usize, body: Option<Scheme>) -> Option<Full> {
    let dashed = find_dashed(text, from, body);
    if body == Some(Scheme::OneM2m) {
        return dashed;
    }
    // A glued id wins only when it starts first: search no further than the dashed one.
    let limit = dashed.as_ref().map_or(text.len(), |m| m.all.start);
    find_glued(text, from, limit).or(dashed)
}

/// The leftmost match at or after `from` of
/// `([A-Z]{2,6})[-‐‑–—]((?:19|20|21)[0-9]{2})[-‐‑–—]([0-9]{4,5})(?:[Rr]([0-9]{1,2}))?`
/// or of the dashed 3GPP pattern ([`gpp_at`]), only `body`'s when it is given.
fn find_dashed(text: &str, from: usize, body: Option<Scheme>) -> Option<Full> {
    let onem2m = body != Some(Scheme::ThreeGpp);
    let gpp = body != Some(Scheme::OneM2m);
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        // A match has a dash right after its letters, so only the letters before a dash
        // (or before the lead byte of a Unicode one) are tried: most text has few.
        let dash = next_dash(bytes, at)?;
        // Starting further left leaves more than six letters; the rest of the pattern
        // does not depend on where the letters start, so the leftmost start decides.
        let letters = bytes
            .get(from..dash)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(6)
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        if letters >= 2 && onem2m {
            if let Some(found) = onem2m_at(text, dash - letters) {
                return Some(found);
            }
        }
        // A 3GPP group is two or three characters (`S2`, `SP`, `S3i`).
        let found = (2..=MAX_GROUP)
            .filter(|_| gpp)
            .filter_map(|len| dash.checked_sub(len).filter(|s| *s >= from))
            .rev()
            .find_map(|s| gpp_at(text, s));
        if found.is_some() {
            return found;
        }
        at = dash + 1;
    }
}

/// The leftmost 3GPP id without a dash (`S3i190265`, `S21903157`) starting in
/// `from..limit`.
fn find_glued(text: &str, from: usize, limit: usize) -> Option<Full> {
    let bytes = text.as_bytes();
    // A glued id holds six digits in a row, rare in prose: only the groups that could end
    // right before such a run, or one digit into it (`S2`), are tried.
    let end = limit.saturating_add(MAX_GROUP).min(bytes.len());
    let mut at = from;
    while at < end {
        let run = at + bytes.get(at..end)?.iter().position(u8::is_ascii_digit)?;
        let digits = count(bytes, run, usize::MAX, u8::is_ascii_digit);
        if digits >= 6 {
            let found = (1..=MAX_GROUP)
                .rev()
                .filter_map(|back| run.checked_sub(back))
                .filter(|start| (from..limit).contains(start))
                .find_map(|start| glued_at(text, start));
            if found.is_some() {
                return found;
            }
        }
        at = run + digits;
    }
    None
}

/// The first `-` or `0xE2` (the lead byte of the Unicode dashes) at or after `at`.
fn next_dash(bytes: &[u8], at: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // Whether a byte of `word` is `byte`: the classic test for a zero byte, exact about
    // whether there is one (not about where), on `word` with `byte` xored out.
    let has = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    let rest = bytes.get(at..)?;
    // Eight bytes at a time up to the word holding the first dash: every line is searched
    // and most hold none.
    let mut skipped = 0;
    for chunk in rest.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk).map(u64::from_le_bytes) else { break };
        if has(word, b'-') || has(word, 0xE2) {
            break;
        }
        skipped += 8;
    }
    let found = rest.get(skipped..)?.iter().position(|b| *b == b'-' || *b == 0xE2)?;
    Some(at + skipped + found)
}

/// The match of any identifier pattern starting at `start`, if any: oneM2M's or 3GPP's,
/// with its dash or without; only `body`'s when it is given.
pub(super) fn full_at(text: &str, start: usize, body: Option<Scheme>) -> Option<Full> {
    let onem2m = || onem2m_at(text, start).filter(|_| body != Some(Scheme::ThreeGpp));
    let gpp = || {
        (body != Some(Scheme::OneM2m))
            .then(|| gpp_at(text, start).or_else(|| glued_at(text, start)))
            .flatten()
    };
    onem2m().or_else(gpp)
}

/// How a 3GPP group writes its ids: `S2-1903157`, or without a dash, `S3i190265`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Joint {
    /// A hyphen between the group and the number.
    Dash,
    /// Nothing between them.
    Glued,
}

/// 3GPP's groups, as their document ids start (the id scheme's data): the plenaries of
/// the technical specification groups (SA, RAN, CT, and the closed GERAN and T) and their
/// working groups, and SA3's lawful-interception group, which writes no dash. A group
/// that starts another (`S3i`, `S3`) comes first.
pub(super) const GPP_GROUPS: &[(&str, Joint)] = &[
    ("S3i", Joint::Glued),
    ("SP", Joint::Dash),
    ("S1", Joint::Dash),
    ("S2", Joint::Dash),
    ("S3", Joint::Dash),
    ("S4", Joint::Dash),
    ("S5", Joint::Dash),
    ("S6", Joint::Dash),
    ("RP", Joint::Dash),
    ("R1", Joint::Dash),
    ("R2", Joint::Dash),
    ("R3", Joint::Dash),
    ("R4", Joint::Dash),
    ("R5", Joint::Dash),
    ("R6", Joint::Dash),
    ("CP", Joint::Dash),
    ("C1", Joint::Dash),
    ("C2", Joint::Dash),
    ("C3", Joint::Dash),
    ("C4", Joint::Dash),
    ("C5", Joint::Dash),
    ("C6", Joint::Dash),
    ("GP", Joint::Dash),
    ("G1", Joint::Dash),
    ("G2", Joint::Dash),
    ("G3", Joint::Dash),
    ("TP", Joint::Dash),
    ("T1", Joint::Dash),
    ("T2", Joint::Dash),
    ("T3", Joint::Dash),
];

/// The longest group name.
const MAX_GROUP: usize = 3;

/// Whether a byte starts a group of [`GPP_GROUPS`].
#[allow(clippy::indexing_slicing)] // Evaluated at compile time: out of bounds would not build.
const GROUP_INITIALS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < GPP_GROUPS.len() {
        table[GPP_GROUPS[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// The group of [`GPP_GROUPS`] written at `start`, as it is listed.
fn gpp_group_at(bytes: &[u8], start: usize) -> Option<(&'static str, Joint)> {
    // Most places start no group: one look rules them out.
    if GROUP_INITIALS.get(usize::from(*bytes.get(start)?)) != Some(&true) {
        return None;
    }
    GPP_GROUPS
        .iter()
        .copied()
        .find(|(name, _)| bytes.get(start..start + name.len()) == Some(name.as_bytes()))
}

/// The group of [`GPP_GROUPS`] that `group` names, ignoring ASCII case, as it is listed.
pub(super) fn gpp_group(group: &str) -> Option<(&'static str, Joint)> {
    GPP_GROUPS.iter().copied().find(|(name, _)| name.eq_ignore_ascii_case(group))
}

/// The match of the 3GPP pattern
/// `(<group>)[-‐‑–—]([0-9]{2})([0-9]{4,5})(?:[Rr]|[Rr][Ee][Vv])?([0-9]{1,2})?` at `start`,
/// `<group>` one of [`GPP_GROUPS`] (`S2-1903157`, `R1-160239`, `SP-190123`).
pub(super) fn gpp_at(text: &str, start: usize) -> Option<Full> {
    let bytes = text.as_bytes();
    let (name, _) = gpp_group_at(bytes, start)?;
    let group = start..start + name.len();
    let year_start = group.end + dash_len(text, group.end)?;
    let digits = count(bytes, year_start, 7, u8::is_ascii_digit);
    if digits < 6 {
        return None;
    }
    Some(gpp_full(bytes, group, year_start, digits))
}

/// A 3GPP id from its group and its `digits` (year and serial) at `year_start`, with the
/// revision that follows them if any.
fn gpp_full(bytes: &[u8], group: Range<usize>, year_start: usize, digits: usize) -> Full {
    let year = year_start..year_start + 2;
    let serial = year.end..year_start + digits;
    let revision = any_revision_at(bytes, serial.end);
    let end = revision.as_ref().map_or(serial.end, |r| r.end);
    Full {
        all: group.start..end,
        group,
        year,
        serial,
        revision,
        scheme: Scheme::ThreeGpp,
    }
}

/// The match of a 3GPP id without its dash at `start`: `\b(<group>)([0-9]{2})([0-9]{4,5})`
/// and an optional revision (`r2`, `rev2`, `R02`), followed by no letter or digit;
/// `<group>` one of [`GPP_GROUPS`], case as listed (`S3i190265`, `S21903157`). Stricter
/// than the dashed form, since nothing but the group tells it from other numbers: a
/// letter or digit on either side (`XS21903157`, `S219031571`, `S21903157a`) or fewer
/// digits (`R15`, `S1AP`, `C4 2019`) is no id.
pub(super) fn glued_at(text: &str, start: usize) -> Option<Full> {
    let bytes = text.as_bytes();
    let (name, _) = gpp_group_at(bytes, start)?;
    if text.get(..start)?.chars().next_back().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let group = start..start + name.len();
    let digits = count(bytes, group.end, 8, u8::is_ascii_digit);
    if !(6..=7).contains(&digits) {
        return None;
    }
    let year_start = group.end;
    let full = gpp_full(bytes, group, year_start, digits);
    if bytes.get(full.all.end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(full)
}

/// The match of the oneM2M pattern starting at `start`, if any.
fn onem2m_at(text: &str, start: usize) -> Option<Full> {
    let bytes = text.as_bytes();
    // Letters run up to a dash: a longer run leaves a letter where the dash must be.
    let letters = count(bytes, start, 7, u8::is_ascii_uppercase);
    if !(2..=6).contains(&letters) {
        return None;
    }
    let group = start..start + letters;
    let year_start = group.end + dash_len(text, group.end)?;
    let year = year_start..year_start + 4;
    let century = bytes.get(year_start..year_start + 2)?;
    if !matches!(century, b"19" | b"20" | b"21")
        || count(bytes, year_start, 4, u8::is_ascii_digit) < 4
    {
        return None;
    }
    let serial_start = year.end + dash_len(text, year.end)?;
    let (serial, revision, end) = serial_at(bytes, serial_start)?;
    Some(Full { all: start..end, group, year, serial, revision, scheme: Scheme::OneM2m })
}

/// A match of an abbreviation pattern: the whole match, the serial, the revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Short {
    pub all: Range<usize>,
    pub serial: Range<usize>,
    pub revision: Option<Range<usize>>,
}

/// `^ ?/ ?[-‐‑–—]?([0-9]{4,5})(?:[Rr]([0-9]{1,2}))?` at the start of `text`. Taking each
/// optional piece when present is what the regex does: leaving one out never lets the
/// next piece match.
pub(super) fn slash_at(text: &str) -> Option<Short> {
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b' '));
    if bytes.get(at) != Some(&b'/') {
        return None;
    }
    at += 1;
    at += usize::from(bytes.get(at) == Some(&b' '));
    at += dash_len(text, at).unwrap_or(0);
    let (serial, revision, end) = serial_at(bytes, at)?;
    Some(Short { all: 0..end, serial, revision })
}

/// The leftmost match at or after `from` of
/// `(?:^|[ \t(])[-‐‑–—]([0-9]{4})(?:[Rr]([0-9]{2}))?`.
pub(super) fn find_standalone(text: &str, from: usize) -> Option<Short> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find_map(|i| {
        // `^` is tried first: at 0 the match may start with the dash itself.
        let dash_at = if i == 0 && dash_len(text, 0).is_some() {
            0
        } else if matches!(bytes.get(i), Some(b' ' | b'\t' | b'(')) {
            i + 1
        } else {
            return None;
        };
        let serial_start = dash_at + dash_len(text, dash_at)?;
        if count(bytes, serial_start, 4, u8::is_ascii_digit) < 4 {
            return None;
        }
        let serial = serial_start..serial_start + 4;
        let revision = revision_at(bytes, serial.end, 2, 2);
        let end = revision.as_ref().map_or(serial.end, |r| r.end);
        Some(Short { all: i..end, serial, revision })
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    /// Text made of identifier-like pieces with random parts, so that matches and near
    /// misses are common.
    fn id_like() -> impl Strategy<Value = String> {
        let dash = prop_oneof![Just("-"), Just("–"), Just("…"), Just(""), Just("x")];
        let piece = (
            "[ a-zé(/]{0,2}",
            prop_oneof!["[A-Z]{0,8}", "[SRC][0-9Pi]{1,2}", Just("S3i".to_string())],
            dash.clone(),
            "(19|20|21|2)[0-9]{0,3}",
            dash,
            "[0-9]{3,6}([Rr][0-9]{0,3})?",
        )
            .prop_map(|(a, b, c, d, e, f)| format!("{a}{b}{c}{d}{e}{f}"));
        proptest::collection::vec(piece, 0..4).prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn next_dash_is_the_first_dash(text in "[-a–é0 ]{0,40}", at in 0usize..44) {
            let bytes = text.as_bytes();
            let first = (at..bytes.len()).find(|&i| matches!(bytes.get(i), Some(b'-' | 0xE2)));
            prop_assert_eq!(next_dash(bytes, at), first);
        }

        // The dash-first search finds what trying every position finds.
        #[test]
        fn find_full_tries_every_start(text in id_like(), from in 0usize..40) {
            for body in [None, Some(Scheme::OneM2m), Some(Scheme::ThreeGpp)] {
                let every = (from..text.len()).find_map(|i| full_at(&text, i, body));
                prop_assert_eq!(find_full(&text, from, body), every);
            }
        }
    }

    use proptest::prelude::*;

    // The matchers against the regexes they replace, on tricky inputs.
    #[test]
    fn same_as_regexes() {
        let full = regex::Regex::new(
            r"([A-Z]{2,6})[-‐‑–—]((?:19|20|21)[0-9]{2})[-‐‑–—]([0-9]{4,5})(?:[Rr]([0-9]{1,2}))?",
        )
        .unwrap();
        let slash = regex::Regex::new(r"^ ?/ ?[-‐‑–—]?([0-9]{4,5})(?:[Rr]([0-9]{1,2}))?")
            .unwrap();
        let standalone =
            regex::Regex::new(r"(?:^|[ \t(])[-‐‑–—]([0-9]{4})(?:[Rr]([0-9]{2}))?")
                .unwrap();
        let range = |m: Option<regex::Match<'_>>| m.map(|m| m.range());
        let texts = [
            "SEC-2015-0524R02 was agreed",
            "ABCDEFGH-2015-0001 and XY–2105—12345R1x",
            "TP-2015-0670/0671R3, -0576, (-0527R01) / -12345",
            "é SEC‐1999‑00012r123 ARC-2015-1897R",
            "-0511 as in -0527R0 and\t-0528R12",
            " /-0576 x",
            "/ 05761R02",
            "AB-2215-0001 AB-19x5-0001 A-2015-0001 ABC-2015-012",
            "ÄÖ-2015-0001 SECTION-2015-0001",
        ];
        for text in texts {
            let mut at = 0;
            let mut ours = Vec::new();
            while let Some(m) = find_full(text, at, None) {
                at = m.all.end;
                if m.scheme == super::Scheme::OneM2m {
                    ours.push((m.all, m.group, m.year, m.serial, m.revision));
                }
            }
            let theirs: Vec<_> = full
                .captures_iter(text)
                .map(|c| {
                    (
                        c.get(0).unwrap().range(),
                        c.get(1).unwrap().range(),
                        c.get(2).unwrap().range(),
                        c.get(3).unwrap().range(),
                        range(c.get(4)),
                    )
                })
                .collect();
            assert_eq!(ours, theirs, "{text}");
            let mut at = 0;
            let mut ours = Vec::new();
            while let Some(m) = find_standalone(text, at) {
                at = m.all.end;
                ours.push((m.all, m.serial, m.revision));
            }
            let theirs: Vec<_> = standalone
                .captures_iter(text)
                .map(|c| {
                    (
                        c.get(0).unwrap().range(),
                        c.get(1).unwrap().range(),
                        range(c.get(2)),
                    )
                })
                .collect();
            assert_eq!(ours, theirs, "{text}");
            for start in 0..text.len() {
                let Some(rest) = text.get(start..) else { continue };
                let ours = slash_at(rest).map(|m| (m.all, m.serial, m.revision));
                let theirs = slash.captures(rest).map(|c| {
                    (
                        c.get(0).unwrap().range(),
                        c.get(1).unwrap().range(),
                        range(c.get(2)),
                    )
                });
                assert_eq!(ours, theirs, "{rest}");
            }
        }
    }
}
