//! Lists ([MS-DOC] 2.9.147 PlfLst, 2.9.150 LSTF, 2.9.151 LVL, 2.9.148 PlfLfo): the list
//! definitions of the table stream and the counters that turn them into labels as Word
//! displays them (`6.1.1`, `a)`, bullets).

use super::bytes::{fc_lcb, slice, u16_at, u32_at, u8_at, utf16_units};
use crate::docx::numbering::{Format, Label, LabelKind};

/// Levels of a list.
const LEVELS: usize = 9;
/// Size of an LSTF, an LVLF and an LFO.
const LSTF: usize = 28;
const LVLF: usize = 28;
const LFO: usize = 16;

/// One level of a list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: Format,
    /// `nfc` 5: an English ordinal (`1st`), which the DOCX reader's formats lack.
    ordinal: bool,
    /// `fLegal`: other levels' numbers show as decimal.
    legal: bool,
    /// `fNoRestart`: not restarted by a higher level.
    no_restart: bool,
    /// The number text: characters, with level numbers as `Err(level)`.
    text: Vec<Result<char, u8>>,
}

/// A list definition (LSTF with its levels).
#[derive(Debug, Clone, Default)]
struct List {
    lsid: i32,
    levels: Vec<Level>,
}

/// A list override (LFO): which list, and levels restarted or replaced.
#[derive(Debug, Clone, Default)]
struct Override {
    list: Option<usize>,
    start_at: [Option<i64>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

/// The lists of a document and their running counters.
#[derive(Debug, Default)]
pub(super) struct Lists {
    lists: Vec<List>,
    overrides: Vec<Override>,
    /// Counters by list: the last number shown at each level, `None` when (re)started.
    counters: Vec<[Option<i64>; LEVELS]>,
    /// Which overrides have applied their start values already.
    started: Vec<bool>,
}

impl Lists {
    /// Parses PlfLst (with the LVLs that follow it) and PlfLfo; unreadable parts give
    /// fewer lists (their paragraphs read as plain paragraphs).
    pub fn parse(table: &[u8], plf_lst: (u32, u32), plf_lfo: (u32, u32)) -> Lists {
        let lists = parse_lists(table, plf_lst).unwrap_or_default();
        let overrides = parse_overrides(table, plf_lfo, &lists).unwrap_or_default();
        Lists {
            counters: vec![[None; LEVELS]; lists.len() + overrides.len()],
            started: vec![false; overrides.len()],
            lists,
            overrides,
        }
    }

    /// The label of the next paragraph of list `ilfo` (1-based LFO index) at `ilvl`,
    /// advancing the counters.
    pub fn next(&mut self, ilfo: i16, ilvl: u8) -> Option<Label> {
        let index = usize::try_from(ilfo).ok()?.checked_sub(1)?;
        let lfo = self.overrides.get(index)?;
        let list_index = lfo.list?;
        let list = self.lists.get(list_index)?;
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let level_of = |l: usize| -> Option<&Level> {
            lfo.levels.get(l).and_then(Option::as_ref).or_else(|| list.levels.get(l))
        };
        let level = level_of(ilvl)?;
        // An override that restarts or redefines levels counts on its own, from the
        // list's counters at its first use; the list itself goes on where it was.
        let own = lfo.start_at.iter().any(Option::is_some)
            || lfo.levels.iter().any(Option::is_some);
        let set = if own { self.lists.len() + index } else { list_index };
        let first_use = !self.started.get(index).copied().unwrap_or(true);
        if first_use {
            if own {
                let base =
                    self.counters.get(list_index).copied().unwrap_or([None; LEVELS]);
                if let Some(counters) = self.counters.get_mut(set) {
                    *counters = base;
                    for (counter, start) in counters.iter_mut().zip(&lfo.start_at) {
                        if let Some(start) = start {
                            *counter = Some(start - 1);
                        }
                    }
                }
            }
            if let Some(flag) = self.started.get_mut(index) {
                *flag = true;
            }
        }
        let counters = self.counters.get_mut(set)?;
        let start_of = |l: usize| level_of(l).map_or(1, |lv| lv.start);
        let value = match counters.get(ilvl).copied().flatten() {
            Some(n) => n.saturating_add(1),
            None => level.start,
        };
        if let Some(counter) = counters.get_mut(ilvl) {
            *counter = Some(value);
        }
        for l in ilvl + 1..LEVELS {
            if !level_of(l).is_some_and(|lv| lv.no_restart) {
                if let Some(counter) = counters.get_mut(l) {
                    *counter = None;
                }
            }
        }
        let kind = match level.format {
            Format::Bullet => LabelKind::Bullet,
            Format::None => LabelKind::None,
            _ => LabelKind::Number,
        };
        let mut text = String::new();
        for part in &level.text {
            match part {
                Ok(c) => text.push(*c),
                Err(l) => {
                    let l = usize::from(*l);
                    let n =
                        counters.get(l).copied().flatten().unwrap_or_else(|| start_of(l));
                    let format = level_of(l).map_or(Format::Decimal, |lv| lv.format);
                    let format =
                        if level.legal && l != ilvl { Format::Decimal } else { format };
                    format.render_into(n, &mut text);
                    if level_of(l).is_some_and(|lv| lv.ordinal)
                        && format == Format::Decimal
                    {
                        text.push_str(ordinal_suffix(n));
                    }
                }
            }
        }
        let kind = if kind == LabelKind::Number && text.trim().is_empty() {
            LabelKind::None
        } else {
            kind
        };
        Some(Label { text, kind })
    }
}

/// The English ordinal suffix of `n`: 1st, 2nd, 3rd, 4th, 11th, 21st.
fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn parse_lists(table: &[u8], plf_lst: (u32, u32)) -> Option<Vec<List>> {
    let plf = fc_lcb(table, plf_lst)?;
    let count = usize::from(u16_at(plf, 0)?);
    let mut lists = Vec::with_capacity(count.min(plf.len() / LSTF));
    // The LVLs follow the LSTFs directly, in list order.
    let mut at = usize::try_from(plf_lst.0).ok()?.checked_add(2 + count * LSTF)?;
    for i in 0..count {
        let Some(lstf) = slice(plf, 2 + i * LSTF, LSTF) else { break };
        let lsid = u32_at(lstf, 0)? as i32;
        let simple = u8_at(lstf, 26)? & 1 == 1;
        let mut levels = Vec::new();
        for _ in 0..if simple { 1 } else { LEVELS } {
            let Some((level, len)) = parse_level(table.get(at..).unwrap_or_default())
            else {
                break;
            };
            levels.push(level);
            at += len;
        }
        lists.push(List { lsid, levels });
    }
    Some(lists)
}

/// An LVL: LVLF, the paragraph and character grpprls, then the number text (Xst).
/// Returns the level and its size.
fn parse_level(data: &[u8]) -> Option<(Level, usize)> {
    let lvlf = slice(data, 0, LVLF)?;
    let start = i64::from(u32_at(lvlf, 0)? as i32);
    let nfc = u8_at(lvlf, 4)?;
    let flags = u8_at(lvlf, 5)?;
    let cb_chpx = usize::from(u8_at(lvlf, 24)?);
    let cb_papx = usize::from(u8_at(lvlf, 25)?);
    let xst = LVLF + cb_chpx + cb_papx;
    let cch = usize::from(u16_at(data, xst)?);
    let units: Vec<u16> = utf16_units(slice(data, xst + 2, cch * 2)?).collect();
    let text = char::decode_utf16(units.iter().copied())
        .map(|c| match c {
            Ok(c) if u32::from(c) < LEVELS as u32 => Err(u32::from(c) as u8),
            Ok(c) => Ok(c),
            Err(_) => Ok('\u{FFFD}'),
        })
        .collect();
    let format = match nfc {
        0 | 5 | 6 | 7 => Format::Decimal,
        1 => Format::UpperRoman,
        2 => Format::LowerRoman,
        3 => Format::UpperLetter,
        4 => Format::LowerLetter,
        22 => Format::DecimalZero,
        23 => Format::Bullet,
        255 => Format::None,
        _ => Format::Decimal,
    };
    let level = Level {
        start,
        format,
        ordinal: nfc == 5,
        legal: flags & 0x04 != 0,
        no_restart: flags & 0x08 != 0,
        text,
    };
    Some((level, xst + 2 + cch * 2))
}

fn parse_overrides(
    table: &[u8],
    plf_lfo: (u32, u32),
    lists: &[List],
) -> Option<Vec<Override>> {
    let plf = fc_lcb(table, plf_lfo)?;
    let count = usize::try_from(u32_at(plf, 0)?).ok()?.min(plf.len() / LFO);
    let mut overrides = Vec::with_capacity(count);
    let mut levels_of = Vec::with_capacity(count);
    for i in 0..count {
        let lfo = slice(plf, 4 + i * LFO, LFO)?;
        let lsid = u32_at(lfo, 0)? as i32;
        levels_of.push(usize::from(u8_at(lfo, 12)?));
        let list = lists.iter().position(|l| l.lsid == lsid);
        overrides.push(Override { list, ..Override::default() });
    }
    // LfoData for each LFO: a cp, then its LFOLVLs (with an LVL when fFormatting).
    let mut at = 4 + count * LFO;
    for (lfo, levels) in overrides.iter_mut().zip(levels_of) {
        at += 4;
        for _ in 0..levels {
            let Some(start) = u32_at(plf, at) else { return Some(overrides) };
            let Some(flags) = u32_at(plf, at + 4) else { return Some(overrides) };
            at += 8;
            let ilvl = (flags & 0x0F) as usize;
            if flags & 0x10 != 0 {
                if let Some(slot) = lfo.start_at.get_mut(ilvl) {
                    *slot = Some(i64::from(start as i32));
                }
            }
            if flags & 0x20 != 0 {
                let Some((level, len)) = parse_level(plf.get(at..).unwrap_or_default())
                else {
                    return Some(overrides);
                };
                at += len;
                if let Some(slot) = lfo.levels.get_mut(ilvl) {
                    *slot = Some(level);
                }
            }
        }
    }
    Some(overrides)
}
