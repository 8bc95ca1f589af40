//! The stylesheet (STSH, [MS-DOC] 2.9.271): style names, base styles and the paragraph
//! properties of paragraph styles, resolved along their `istdBase` chains.

use std::sync::Arc;

use super::{
    bytes::{fc_lcb, slice, u16_at, utf16_units},
    sprm::{self, sprms},
};

/// Built-in style identifiers (`sti`) the reader gives a meaning.
const STI_HEADING_1: u16 = 1;
const STI_HEADING_9: u16 = 9;
const STI_TITLE: u16 = 62;
/// Style chains longer than this are cut (cycles in a hostile file).
const MAX_CHAIN: usize = 16;

/// One paragraph style, resolved.
#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    /// The name as stored (`heading 1`, `Normal`, a user's name).
    pub name: Option<Arc<str>>,
    /// Outline level 0–8 from `sprmPOutLvl` on the style chain, else from a built-in
    /// heading style.
    pub outline: Option<u8>,
    /// The built-in `Title` style stays a paragraph.
    pub is_title: bool,
    /// `Normal` (sti 0): no style worth naming.
    pub is_default: bool,
    /// List membership from the style chain: (ilfo, ilvl).
    pub ilfo: Option<i16>,
    pub ilvl: Option<u8>,
    /// The style itself marks paragraphs as in a table.
    pub in_table: bool,
}

/// The stylesheet: styles by `istd`.
#[derive(Debug, Clone, Default)]
pub(super) struct Stylesheet {
    styles: Vec<Style>,
}

/// One STD as stored, before resolution.
#[derive(Debug, Default)]
struct RawStyle {
    sti: u16,
    base: Option<usize>,
    name: Option<String>,
    papx: Vec<u8>,
}

impl Stylesheet {
    /// Parses the Word 97 STSH at `stshf` in the table stream; an unreadable one gives
    /// an empty stylesheet (every paragraph then reads as body text).
    pub fn parse(table: &[u8], stshf: (u32, u32)) -> Stylesheet {
        let Some(stsh) = fc_lcb(table, stshf) else { return Stylesheet::default() };
        let raw = parse_raw(stsh).unwrap_or_default();
        let styles = (0..raw.len()).map(|istd| resolve(&raw, istd)).collect();
        Stylesheet { styles }
    }

    /// The style `istd`, if defined.
    pub fn get(&self, istd: u16) -> Option<&Style> {
        self.styles.get(usize::from(istd))
    }
}

fn parse_raw(stsh: &[u8]) -> Option<Vec<RawStyle>> {
    let cb_stshi = usize::from(u16_at(stsh, 0)?);
    let stshi = slice(stsh, 2, cb_stshi)?;
    let cstd = usize::from(u16_at(stshi, 0)?);
    let cb_base = usize::from(u16_at(stshi, 2)?);
    let mut at = 2 + cb_stshi;
    let mut raw = Vec::with_capacity(cstd.min(stsh.len() / 2));
    for _ in 0..cstd {
        let Some(cb_std) = u16_at(stsh, at) else { break };
        let cb_std = usize::from(cb_std);
        let std = slice(stsh, at + 2, cb_std).unwrap_or_default();
        at += 2 + cb_std;
        raw.push(parse_std(std, cb_base).unwrap_or_default());
    }
    Some(raw)
}

/// One STD ([MS-DOC] 2.9.260): StdfBase, the name (Xstz) at `cb_base`, then the UPXs.
fn parse_std(std: &[u8], cb_base: usize) -> Option<RawStyle> {
    if std.is_empty() {
        return None;
    }
    let sti = u16_at(std, 0)? & 0x0FFF;
    let word = u16_at(std, 2)?;
    let stk = word & 0x000F;
    let base = usize::from(word >> 4);
    let cch = usize::from(u16_at(std, cb_base)?);
    let name_units: Vec<u16> = utf16_units(slice(std, cb_base + 2, cch * 2)?).collect();
    let name = String::from_utf16_lossy(&name_units);
    let mut style = RawStyle {
        sti,
        base: (base != 0x0FFF).then_some(base),
        name: Some(name),
        papx: vec![],
    };
    // UPXs start on an even offset after the name and its terminating NUL.
    let mut at = cb_base + 2 + cch * 2 + 2;
    at += at % 2;
    if stk == 1 {
        let cb_upx = usize::from(u16_at(std, at)?);
        // UpxPapx: istd (2 bytes), then the grpprl.
        style.papx = slice(std, at + 2, cb_upx)?.get(2..).unwrap_or_default().to_vec();
    }
    Some(style)
}

/// Resolves `istd` along its base chain: the nearest style that sets a property wins.
fn resolve(raw: &[RawStyle], istd: usize) -> Style {
    let Some(own) = raw.get(istd) else { return Style::default() };
    let mut style = Style {
        name: own.name.as_deref().filter(|n| !n.is_empty()).map(Arc::from),
        is_title: own.sti == STI_TITLE,
        is_default: own.sti == 0,
        ..Style::default()
    };
    let mut builtin_heading = None;
    let mut chain = Some(istd);
    for _ in 0..MAX_CHAIN {
        let Some(current) = chain.and_then(|i| raw.get(i)) else { break };
        let mut outline = None;
        for (sprm, operand) in sprms(&current.papx) {
            let byte = operand.first().copied();
            match sprm {
                sprm::P_OUT_LVL => outline = byte,
                sprm::P_ILFO if style.ilfo.is_none() => {
                    style.ilfo = u16_at(operand, 0).map(|v| v as i16)
                }
                sprm::P_ILVL if style.ilvl.is_none() => style.ilvl = byte,
                sprm::P_IN_TABLE => style.in_table |= sprm::toggle(operand),
                _ => {}
            }
        }
        if style.outline.is_none() {
            style.outline = outline;
        }
        if builtin_heading.is_none()
            && (STI_HEADING_1..=STI_HEADING_9).contains(&current.sti)
        {
            builtin_heading = Some((current.sti - STI_HEADING_1) as u8);
        }
        chain = current.base.filter(|&b| b != istd);
    }
    // Outline level 9 is body text; a heading style without one is a heading by name.
    style.outline = match style.outline {
        Some(level) if level < 9 => Some(level),
        Some(_) => None,
        None => builtin_heading.or_else(|| heading_by_name(style.name.as_deref())),
    };
    style
}

/// `heading N` in any case, the name Word gives its built-in heading styles.
fn heading_by_name(name: Option<&str>) -> Option<u8> {
    let name = name?.split(',').next()?.trim();
    name.get(..8).filter(|h| h.eq_ignore_ascii_case("heading "))?;
    let level: u8 = name.get(8..)?.trim().parse().ok()?;
    (1..=9).contains(&level).then(|| level - 1)
}
