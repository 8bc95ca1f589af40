//! Tdoc references found lazily and borrowing the text: the recogniser asks about every
//! line, mostly only whether and where an id is, and copying each id as written (and
//! collecting all of a line's ids) made that cost an allocation or two per question.

use super::{revision, scan, Scheme, Tdoc, TdocMatch, TdocRef};

/// A Tdoc reference found in text: a [`TdocMatch`] whose `as_written` still borrows the
/// text and whose [`TdocRef`] is only built when asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TdocSpan<'a> {
    /// Byte offset where the reference starts.
    pub start: usize,
    /// Byte offset just past the reference.
    pub end: usize,
    /// The reference as written.
    pub as_written: &'a str,
    /// The group, year and scheme of a complete identifier; `None` for an abbreviation.
    full: Option<(&'a str, u16, Scheme)>,
    /// The serial number as written.
    serial: &'a str,
    revision: Option<u8>,
}

impl TdocSpan<'_> {
    /// Returns true if and only if the reference is a complete identifier.
    pub fn is_full(&self) -> bool {
        self.full.is_some()
    }

    /// The complete identifier, if the reference is one.
    pub fn full(&self) -> Option<Tdoc> {
        let (group, year, scheme) = self.full?;
        Some(match scheme {
            Scheme::OneM2m => Tdoc::new(group, year, self.serial, self.revision),
            Scheme::ThreeGpp => Tdoc::new_3gpp(group, year, self.serial, self.revision),
        })
    }

    /// What the reference refers to.
    pub fn reference(&self) -> TdocRef {
        match self.full() {
            Some(tdoc) => TdocRef::Full(tdoc),
            None => TdocRef::Abbreviated {
                serial: self.serial.to_string(),
                revision: self.revision,
            },
        }
    }

    /// The identifier the reference names, taking group and year from `context` when it is
    /// abbreviated, as [`TdocRef::resolve`] does; `None` for an abbreviation without one.
    pub fn resolve(&self, context: Option<&Tdoc>) -> Option<Tdoc> {
        if self.full.is_some() {
            return self.full();
        }
        let context = context?;
        Some(Tdoc {
            parts: super::parts::Parts::new(context.group(), self.serial, false),
            year: context.year,
            revision: self.revision,
            scheme: context.scheme,
        })
    }

    /// The same reference, owning its text.
    pub fn into_match(self) -> TdocMatch {
        TdocMatch {
            start: self.start,
            end: self.end,
            as_written: self.as_written.to_string(),
            reference: self.reference(),
        }
    }
}

/// The references of a text, in order: see [`tdoc_spans`] and [`leading_tdoc_spans`].
#[derive(Debug, Clone)]
pub struct TdocSpans<'a> {
    text: &'a str,
    /// Where the search for the next complete identifier resumes, or `None` when no
    /// further one is wanted.
    from: Option<usize>,
    /// Where the last reference ended, while abbreviations after a slash may follow it.
    slash_end: Option<usize>,
    /// Only identifiers at the very start are wanted.
    leading: bool,
    /// Only this body's identifiers are looked for.
    body: Option<Scheme>,
}

/// The references [`find_tdocs`](super::find_tdocs) finds in `text`, in the same order,
/// found one by one as the iterator is advanced.
pub fn tdoc_spans(text: &str) -> TdocSpans<'_> {
    TdocSpans { text, from: Some(0), slash_end: None, leading: false, body: None }
}

/// The references at the very start of `text`: a complete identifier at offset 0 and the
/// abbreviations written right after it (`SEC-2015-0507/-0576`). Nothing else of `text` is
/// searched, so lines that start with anything else cost a few byte comparisons.
pub fn leading_tdoc_spans(text: &str) -> TdocSpans<'_> {
    TdocSpans { text, from: Some(0), slash_end: None, leading: true, body: None }
}

impl TdocSpans<'_> {
    /// Only the identifiers of `body` (when given): the other bodies' patterns are not
    /// even tried, so their ids are text (`--body`).
    pub fn of_body(self, body: Option<Scheme>) -> Self {
        TdocSpans { body, ..self }
    }
}

impl<'a> Iterator for TdocSpans<'a> {
    type Item = TdocSpan<'a>;

    fn next(&mut self) -> Option<TdocSpan<'a>> {
        if let Some(end) = self.slash_end {
            match slash_after(self.text, end) {
                Some(span) => {
                    self.slash_end = Some(span.end);
                    return Some(span);
                }
                None => self.slash_end = None,
            }
        }
        let from = self.from?;
        let found = if self.leading {
            // The leftmost match is the one at 0 when there is one; one rejected there
            // leaves only matches further on, which do not lead.
            scan::full_at(self.text, 0, self.body).and_then(|m| accept(self.text, m))
        } else {
            next_full(self.text, from, self.body)
        };
        // Complete ids are searched for again from the end of this one, abbreviations
        // after it or not, as `find_tdocs` always did.
        self.from = found.as_ref().filter(|_| !self.leading).map(|span| span.end);
        self.slash_end = found.as_ref().map(|span| span.end);
        found
    }
}

/// An abbreviation right after a reference ending at `end`: `0507/-0576`, `0670/0671`, more
/// serials of the same group and year.
fn slash_after(text: &str, end: usize) -> Option<TdocSpan<'_>> {
    let rest = text.get(end..)?;
    let more = scan::slash_at(rest)?;
    let after = end + more.all.end;
    let tail = text.get(after..).unwrap_or_default();
    if tail.starts_with(|c: char| c.is_ascii_alphanumeric()) && more.revision.is_none() {
        return None;
    }
    let whole = rest.get(more.all.clone()).unwrap_or_default();
    Some(TdocSpan {
        start: end + more.all.start,
        end: after,
        as_written: whole.trim_start_matches([' ', '/']),
        full: None,
        serial: rest.get(more.serial).unwrap_or_default(),
        revision: revision(rest, more.revision),
    })
}

/// The next complete identifier at or after `from`.
fn next_full(text: &str, mut from: usize, body: Option<Scheme>) -> Option<TdocSpan<'_>> {
    while let Some(m) = scan::find_full(text, from, body) {
        from = m.all.end;
        if let Some(span) = accept(text, m) {
            return Some(span);
        }
    }
    None
}

/// A match of the identifier pattern as a reference, unless its surroundings show it is
/// none.
fn accept(text: &str, m: scan::Full) -> Option<TdocSpan<'_>> {
    let all = text.get(m.all.clone())?;
    let group = text.get(m.group.clone())?;
    let year = text.get(m.year.clone())?;
    let serial = text.get(m.serial.clone())?;
    // Reject ids glued to a preceding letter or digit.
    let before = text.get(..m.all.start).unwrap_or_default();
    if before.chars().next_back().is_some_and(char::is_alphanumeric) {
        return None;
    }
    // A sixth serial digit means this is not an identifier at all.
    let after_serial = text.get(m.serial.end..).unwrap_or_default();
    if after_serial.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = text.get(m.all.end..).unwrap_or_default();
    if m.revision.is_some() && after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let year = match m.scheme {
        Scheme::OneM2m => year.parse::<u16>().ok()?,
        // Two digits: 90–99 are the 1990s, the rest this century.
        Scheme::ThreeGpp => {
            let yy = year.parse::<u16>().ok()?;
            if yy >= 90 {
                1900 + yy
            } else {
                2000 + yy
            }
        }
    };
    Some(TdocSpan {
        start: m.all.start,
        end: m.all.end,
        as_written: all,
        full: Some((group, year, m.scheme)),
        serial,
        revision: revision(text, m.revision),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;

    /// The eager loop `find_tdocs` was before it was made lazy, over the same scanning
    /// helpers: checks the iterators' bookkeeping (where a search resumes, which slash
    /// abbreviations follow). The scanning itself is checked against every start by
    /// `find_full_tries_every_start`.
    fn eager_find_tdocs(text: &str) -> Vec<TdocMatch> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(full) = next_full(text, from, None) {
            from = full.end;
            let mut end = full.end;
            found.push(full.into_match());
            while let Some(more) = slash_after(text, end) {
                end = more.end;
                found.push(more.into_match());
            }
        }
        found
    }

    /// The recogniser's former `leading_ids` over [`eager_find_tdocs`]: the first id when
    /// it starts the text, and the abbreviations right after it.
    fn eager_leading(text: &str) -> Vec<TdocMatch> {
        let found = eager_find_tdocs(text);
        let Some(first) = found
            .first()
            .filter(|m| m.start == 0 && matches!(m.reference, TdocRef::Full(_)))
        else {
            return Vec::new();
        };
        let mut end = first.end;
        let mut ids = vec![first.clone()];
        for next in found.iter().skip(1) {
            if next.start != end || !matches!(next.reference, TdocRef::Abbreviated { .. })
            {
                break;
            }
            end = next.end;
            ids.push(next.clone());
        }
        ids
    }

    fn id_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("SEC-2015-0507".to_string()),
                Just("TP–2105–12345r1".to_string()),
                Just("/-0576".to_string()),
                Just(" / 0671R01".to_string()),
                Just("/0672".to_string()),
                "[A-Z]{1,3}",
                "[-0-9Rr]{1,6}",
                "[ a-z/(é]{1,3}",
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn spans_resolve_as_their_references_do(text in id_like(), context in proptest::option::of("[A-Z]{2,4}-20[0-9]{2}-[0-9]{4}")) {
            let context: Option<Tdoc> = context.and_then(|c| c.parse().ok());
            for span in tdoc_spans(&text) {
                let reference = span.reference();
                let former = match (&reference, &context) {
                    (TdocRef::Full(tdoc), _) => Some(tdoc.clone()),
                    (abbreviated, Some(context)) => Some(abbreviated.resolve(context)),
                    (TdocRef::Abbreviated { .. }, None) => None,
                };
                prop_assert_eq!(span.resolve(context.as_ref()), former);
                prop_assert_eq!(span.is_full(), matches!(reference, TdocRef::Full(_)));
            }
        }

        #[test]
        fn spans_find_what_find_tdocs_found(text in id_like()) {
            let lazy: Vec<TdocMatch> = tdoc_spans(&text).map(TdocSpan::into_match).collect();
            prop_assert_eq!(lazy, eager_find_tdocs(&text));
            let leading: Vec<TdocMatch> =
                leading_tdoc_spans(&text).map(TdocSpan::into_match).collect();
            prop_assert_eq!(leading, eager_leading(&text));
        }
    }

    #[test]
    fn a_body_finds_its_own_ids_only() {
        let text = "SEC-2015-0524R02 replies to S2-1903157 and S3i190265";
        let written = |body: Option<Scheme>| {
            tdoc_spans(text).of_body(body).map(|s| s.as_written).collect::<Vec<_>>()
        };
        assert_eq!(written(None), ["SEC-2015-0524R02", "S2-1903157", "S3i190265"]);
        assert_eq!(written(Some(Scheme::OneM2m)), ["SEC-2015-0524R02"]);
        assert_eq!(written(Some(Scheme::ThreeGpp)), ["S2-1903157", "S3i190265"]);
        let leading = |text: &str, body| leading_tdoc_spans(text).of_body(body).count();
        assert_eq!(leading("S2-1903157 was noted", Some(Scheme::OneM2m)), 0);
        assert_eq!(leading("SEC-2015-0524 was noted", Some(Scheme::ThreeGpp)), 0);
        assert_eq!(leading("S3i190265 was noted", Some(Scheme::ThreeGpp)), 1);
    }

    #[test]
    fn leading_spans_are_the_ids_at_the_start() {
        let written = |text: &str| {
            leading_tdoc_spans(text).map(|s| s.as_written.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(written("SEC-2015-0507/-0576- Use case"), ["SEC-2015-0507", "-0576"]);
        assert_eq!(written("SEC-2015-0507 and SEC-2015-0508"), ["SEC-2015-0507"]);
        assert!(written("See SEC-2015-0507").is_empty());
        assert!(written("SEC-2015-050712 SEC-2015-0508").is_empty());
    }
}
