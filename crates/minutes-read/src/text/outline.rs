//! Outline numbers of headings in text exports (`6.3`), and whether one continues the
//! outline so far.

/// A line that may be a numbered heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Candidate<'a> {
    /// `6.3`.
    pub number: String,
    /// `[6, 3]`.
    pub parts: Vec<u32>,
    /// The title when it stands on the same line.
    pub title: Option<&'a str>,
}

/// A lone number (`6.3`, ` 1`, `6.0 `, `6.3.`) or a number followed by a title that starts
/// with a capital letter (`6.3 Other Contributions`).
pub(super) fn candidate(text: &str) -> Option<Candidate<'_>> {
    let trimmed = text.trim();
    let end = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let (number, rest) = trimmed.split_at(end);
    let number = number.strip_suffix('.').unwrap_or(number);
    let parts: Vec<u32> =
        number.split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let plausible = !parts.is_empty()
        && parts.len() <= 6
        && number.split('.').all(|p| (1..=2).contains(&p.len()));
    if !plausible {
        return None;
    }
    let title = if rest.is_empty() {
        None
    } else {
        // The number must be followed by white space, then a capitalised title.
        let title = rest.strip_prefix([' ', '\t'])?.trim_start();
        title.chars().next().filter(|c| c.is_uppercase())?;
        Some(title)
    };
    Some(Candidate { number: number.to_string(), parts, title })
}

/// The numbers of the headings accepted so far.
#[derive(Debug, Default)]
pub(super) struct Outline {
    last: Option<Vec<u32>>,
}

impl Outline {
    /// Returns true if and only if `parts` can follow the last heading: a sibling or an
    /// ancestor's sibling a little further on, or a first child (`.0` or `.1`). A lone
    /// number line may skip up to two numbers; a number with its title on the same line,
    /// being likelier to be prose, may not skip any.
    pub fn accepts(&self, parts: &[u32], lone: bool) -> bool {
        let max_step = if lone { 3 } else { 1 };
        let Some(last) = &self.last else {
            // The first heading: a small top-level number, or any lone number.
            return parts.len() == 1
                && parts.first().is_some_and(|&n| n <= 3 || lone && n <= 20);
        };
        let Some((&tail, head)) = parts.split_last() else { return false };
        if head.len() == last.len() {
            // A first child of the last heading.
            return head == last.as_slice() && tail <= 1;
        }
        match last.get(..=head.len()) {
            Some(prefix) => {
                let (last_tail, last_head) = match prefix.split_last() {
                    Some(split) => split,
                    None => return false,
                };
                head == last_head && tail > *last_tail && tail - last_tail <= max_step
            }
            None => false,
        }
    }

    /// Records an accepted heading number.
    pub fn advance(&mut self, parts: Vec<u32>) {
        self.last = Some(parts);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn candidates() {
        assert_eq!(candidate(" 1").unwrap().parts, [1]);
        assert_eq!(candidate("6.0 ").unwrap().number, "6.0");
        assert_eq!(
            candidate("6.3 Other Contributions").unwrap().title,
            Some("Other Contributions")
        );
        assert_eq!(candidate("7.2.").unwrap().number, "7.2");
        assert!(candidate("17-21 Sept 2018").is_none());
        assert!(candidate("12:30-14:00 UTC").is_none());
        assert!(candidate("2015").is_none());
        assert!(candidate("3 participants joined").is_none());
        assert!(candidate("8.1.1Object").is_none());
    }

    #[test]
    fn outline_accepts_continuations_only() {
        let mut outline = Outline::default();
        assert!(outline.accepts(&[1], true));
        outline.advance(vec![6, 2]);
        assert!(outline.accepts(&[6, 3], false));
        assert!(outline.accepts(&[7], false));
        assert!(outline.accepts(&[6, 2, 1], false));
        assert!(outline.accepts(&[6, 2, 0], true));
        assert!(!outline.accepts(&[6, 2], true));
        assert!(!outline.accepts(&[6, 5], false));
        assert!(outline.accepts(&[6, 5], true));
        assert!(!outline.accepts(&[8, 1], true));
        assert!(!outline.accepts(&[2], true));
    }
}
