//! Paragraph styles resolved once: what a style gives its paragraphs up its `w:basedOn`
//! chain (outline level, numbering, name), computed the first time a paragraph names it
//! rather than walked again for every paragraph.

use std::{collections::HashMap, sync::Arc};

use super::{NumPr, Styles};

/// What a paragraph style gives the paragraphs that use it.
#[derive(Debug, Clone)]
pub(crate) struct ParaStyle {
    /// The style id.
    pub id: Box<str>,
    /// The style's name, or its id when it has none; shared with the blocks that name it.
    pub name: Arc<str>,
    /// [`Styles::outline_level`].
    pub outline: Option<u8>,
    /// The `w:numPr` the chain gives ([`Styles::num_pr`]).
    pub num: Option<NumPr>,
    /// The id of the style that carries that `w:numId`.
    pub num_from: Option<Box<str>>,
    /// `Title` or `Subtitle`: never a heading.
    pub is_title: bool,
    /// The level of a built-in list style (`List Bullet 2` → 2).
    pub list_level: Option<u8>,
    /// The document's default paragraph style.
    pub is_default: bool,
}

/// Up to this many resolved styles are looked up by comparing ids, not hashing.
const FEW: usize = 16;

/// The styles resolved so far, by index.
#[derive(Debug, Default)]
pub(super) struct Resolved {
    styles: Vec<ParaStyle>,
    by_id: HashMap<Box<str>, usize>,
    /// The default paragraph style's index, once asked for (`Some(None)`: there is none).
    default: Option<Option<usize>>,
}

impl Styles<'_> {
    /// The index of paragraph style `id`, resolved (and its chain read) on first use.
    pub fn para_style(&mut self, id: &str) -> usize {
        // A document uses a few paragraph styles: comparing their ids costs less than
        // hashing one (asked for every paragraph that names its style).
        if self.resolved.styles.len() <= FEW {
            if let Some(i) = self.resolved.styles.iter().position(|s| &*s.id == id) {
                return i;
            }
        } else if let Some(&i) = self.resolved.by_id.get(id) {
            return i;
        }
        // Once the chain is read, what it gives cannot change: later styles never
        // replace earlier ones.
        self.prepare(Some(id));
        let style = self.resolve(id);
        let i = self.resolved.styles.len();
        self.resolved.styles.push(style);
        self.resolved.by_id.insert(id.into(), i);
        i
    }

    /// The index of the default paragraph style, if the document has one.
    pub fn default_para_style(&mut self) -> Option<usize> {
        if let Some(found) = self.resolved.default {
            return found;
        }
        self.prepare(None);
        let found =
            self.default_paragraph().map(str::to_string).map(|id| self.para_style(&id));
        self.resolved.default = Some(found);
        found
    }

    /// A style resolved by [`Styles::para_style`].
    pub fn resolved(&self, index: usize) -> Option<&ParaStyle> {
        self.resolved.styles.get(index)
    }

    fn resolve(&self, id: &str) -> ParaStyle {
        let name = self.name(id);
        let num = self.num_pr(id);
        ParaStyle {
            id: id.into(),
            name: name.into(),
            outline: self.outline_level(id),
            num: num.map(|(n, _)| n),
            num_from: num.map(|(_, from)| from.into()),
            is_title: name.eq_ignore_ascii_case("title")
                || name.eq_ignore_ascii_case("subtitle"),
            list_level: list_style_level(name),
            is_default: self.default_paragraph() == Some(id),
        }
    }
}

/// The level of a built-in list style without numbering: `List Bullet 2` → 2.
fn list_style_level(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("list bullet")
        .or_else(|| lower.strip_prefix("list number"))?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(1);
    }
    rest.parse().ok().filter(|n| (1..=9).contains(n))
}
