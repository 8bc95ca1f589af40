//! Markup compatibility (`mc:AlternateContent`, ECMA-376 Part 3): the first branch whose
//! requirements are understood is read, the others skipped.

use minutes_ooxml::xml::Ns;

use minutes_ooxml::xml::requires_understood_in as requires_understood;

use super::{BodyParser, Open, Tag};

/// Markup compatibility
impl BodyParser<'_, '_> {
    /// Opens a markup-compatibility element (ECMA-376 Part 3, Markup Compatibility).
    pub(super) fn open_mc(&mut self, tag: Tag<'_>) -> Option<Open> {
        match tag.local {
            b"AlternateContent" => {
                self.alts.push(false);
                Some(Open::Alt)
            }
            b"Choice" => {
                let taken = self.alts.last().copied().unwrap_or(true);
                let requires = tag.attr(Ns::Mc, b"Requires");
                let understood = requires
                    .as_deref()
                    .is_none_or(|r| requires_understood(&tag.names.resolver, r));
                if !taken && understood {
                    if let Some(t) = self.alts.last_mut() {
                        *t = true;
                    }
                    Some(Open::Plain)
                } else {
                    None
                }
            }
            b"Fallback" => {
                let taken = self.alts.last().copied().unwrap_or(true);
                if let Some(t) = self.alts.last_mut() {
                    *t = true;
                }
                (!taken).then_some(Open::Plain)
            }
            _ => Some(Open::Plain),
        }
    }
}
