//! The draft's own creation time: `dcterms:created` of `docProps/core.xml` (ECMA-376
//! Part 2 §11, a W3CDTF date), so that the official minutes can carry it.

use minutes_ooxml::{Limits, Package};
use quick_xml::{events::Event, Reader};

/// The `dcterms:created` time of a DOCX package, in seconds since the Unix epoch (UTC);
/// `None` when the package, the part or the time is missing or unreadable.
pub fn document_created(bytes: &[u8]) -> Option<i64> {
    let mut package = Package::open(bytes, Limits::default()).ok()?;
    let core = package.read_part("docProps/core.xml").ok()??;
    let mut reader = Reader::from_reader(core.as_slice());
    let mut inside = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => inside = e.local_name().as_ref() == b"created",
            Event::Text(text) if inside => {
                let text = text.decode().ok()?;
                return parse_w3cdtf(text.trim());
            }
            Event::End(_) => inside = false,
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// Seconds since the epoch of a W3CDTF time: `2019-02-18`, `2019-02-18T09:30:00Z`,
/// `2019-02-18T09:30:00.5+01:00`.
fn parse_w3cdtf(text: &str) -> Option<i64> {
    let number = |s: Option<&str>| -> Option<i64> {
        let s = s?;
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())?
    };
    let year = number(text.get(0..4))?;
    let month = number(text.get(5..7))?;
    let day = number(text.get(8..10))?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let Some(time) = text.get(10..).and_then(|t| t.strip_prefix('T')) else {
        return Some(seconds);
    };
    let hour = number(time.get(0..2))?;
    let minute = number(time.get(3..5))?;
    let second = number(time.get(6..8)).unwrap_or(0);
    seconds += hour * 3600 + minute * 60 + second;
    // The zone after any fraction: `Z`, `+hh:mm` or `-hh:mm`.
    let zone = time
        .get(5..)?
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    if let Some(offset) =
        zone.strip_prefix('+').map(|o| (1, o)).or(zone.strip_prefix('-').map(|o| (-1, o)))
    {
        let (sign, offset) = offset;
        let hours = number(offset.get(0..2))?;
        let minutes = number(offset.get(3..5)).unwrap_or(0);
        seconds -= sign * (hours * 3600 + minutes * 60);
    }
    Some(seconds)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's public-domain
/// algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w3cdtf_times() {
        assert_eq!(parse_w3cdtf("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_w3cdtf("2019-02-18"), Some(1_550_448_000));
        assert_eq!(parse_w3cdtf("2019-02-18T09:30:05Z"), Some(1_550_448_000 + 34_205));
        assert_eq!(
            parse_w3cdtf("2019-02-18T10:30:05.25+01:00"),
            Some(1_550_448_000 + 34_205)
        );
        assert_eq!(parse_w3cdtf("2026-01-01T00:00:00Z"), Some(1_767_225_600));
        assert_eq!(parse_w3cdtf("yesterday"), None);
        assert_eq!(parse_w3cdtf("2019-13-01"), None);
    }
}
