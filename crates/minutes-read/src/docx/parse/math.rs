//! Office Math (OMML, ECMA-376 Part 1 §22.1) as linear TeX-like text.

use minutes_ooxml::xml::Ns;

use super::{BodyParser, Open, Tag};

/// OMML elements whose operator is given by an `m:chr` in their properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MathOp {
    /// `m:nary`: `∫` unless said otherwise.
    Nary,
    /// `m:acc`: a circumflex unless said otherwise.
    Acc,
}

impl MathOp {
    /// The TeX command for the operator character `c` (`None`: the default one).
    pub(super) fn command(self, c: Option<char>) -> &'static str {
        match self {
            MathOp::Nary => match c {
                Some('∑' | '⅀') => "\\sum",
                Some('∏') => "\\prod",
                Some('∐') => "\\coprod",
                Some('⋃') => "\\bigcup",
                Some('⋂') => "\\bigcap",
                Some('∮') => "\\oint",
                Some('∬') => "\\iint",
                Some('∭') => "\\iiint",
                _ => "\\int",
            },
            MathOp::Acc => match c {
                Some('\u{0303}' | '~') => "\\tilde",
                Some('\u{0304}' | '\u{0305}' | '¯') => "\\bar",
                Some('\u{20D7}' | '\u{20D1}') => "\\vec",
                Some('\u{0307}') => "\\dot",
                Some('\u{0308}') => "\\ddot",
                Some('\u{030C}') => "\\check",
                Some('\u{0306}') => "\\breve",
                Some('\u{0301}') => "\\acute",
                Some('\u{0300}') => "\\grave",
                _ => "\\hat",
            },
        }
    }
}

/// Office Math
impl BodyParser<'_, '_> {
    /// Opens an Office Math element (ECMA-376 Part 1 §22.1) as linear TeX-like text:
    /// `\frac{a}{b}`, `x^{2}`, `\sqrt{x}`, `\sum_{i}^{n}`, `\hat{x}`,
    /// `\overline{x}`, `(x)`; the text of `m:t`.
    pub(super) fn open_math(&mut self, tag: Tag<'_>) -> Option<Open> {
        let parent = self.stack.last().copied();
        if let Some(op) = self.op_awaiting.take() {
            if tag.local == b"naryPr" || tag.local == b"accPr" {
                self.op_pending = true;
                return Some(Open::OpPr(op));
            }
            self.push_visible(op.command(None));
        }
        let (open, close) = match tag.local {
            b"t" => return Some(Open::Text),
            b"nary" | b"acc" => {
                self.op_awaiting =
                    Some(if tag.local == b"nary" { MathOp::Nary } else { MathOp::Acc });
                return Some(Open::Math(""));
            }
            b"f" => ("\\frac", ""),
            b"rad" => ("\\sqrt", ""),
            b"num" | b"den" | b"e" | b"lim" | b"fName" => ("{", "}"),
            b"deg" => ("[", "]"),
            b"sup" => ("^{", "}"),
            b"sub" => ("_{", "}"),
            b"d" => ("(", ")"),
            b"bar" => ("\\overline", ""),
            b"chr" => {
                if let Some(Open::OpPr(op)) = parent {
                    let c = tag.attr(Ns::Math, b"val").and_then(|v| v.chars().next());
                    self.op_pending = false;
                    self.push_visible(op.command(c));
                }
                return None;
            }
            _ => return Some(Open::Plain),
        };
        self.push_visible(open);
        Some(Open::Math(close))
    }
}
