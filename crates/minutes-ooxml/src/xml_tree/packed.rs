//! Trees packed at build time: a parsed part written as a compact table of its distinct
//! strings and the shape of its tree, and read back into the same [`XmlDoc`] without any
//! XML tokenising or namespace resolution, its strings borrowed from the packed bytes.
//!
//! A writer's built-in template is parsed when the program is built (`build.rs` calls
//! [`parse`](super::parse) and [`pack`]); each run only [`unpack_static`]s it, which costs
//! about what cloning the tree costs, a small part of parsing it again.
//!
//! The format (numbers are LEB128 varints, strings indices into the table):
//! ```text
//! doc     := count { length bytes }*   prolog   element
//! element := name ns count { key value }*   count node*
//! node    := 0 element | 1 text | 2 raw
//! ```

use std::borrow::Cow;

use super::{Element, Node, XmlDoc, MAX_DEPTH};
use crate::{Error, Result};

const ELEMENT: u8 = 0;
const TEXT: u8 = 1;
const RAW: u8 = 2;

/// The packed form of `doc` (see the module documentation).
pub fn pack(doc: &XmlDoc) -> Vec<u8> {
    let mut table = Table::default();
    let mut tree = Vec::new();
    push_number(&mut tree, table.index(&doc.prolog));
    pack_element(&doc.root, &mut table, &mut tree);
    let mut packed = Vec::with_capacity(tree.len() + table.bytes());
    push_number(&mut packed, table.strings.len());
    for string in &table.strings {
        push_number(&mut packed, string.len());
        packed.extend_from_slice(string.as_bytes());
    }
    packed.extend_from_slice(&tree);
    packed
}

/// The tree packed in `packed` by [`pack`], its names, values and text borrowed from
/// `packed`. `part` names the part in errors: packed bytes that [`pack`] did not write.
pub fn unpack_static(packed: &'static [u8], part: &str) -> Result<XmlDoc> {
    let mut input = Input { bytes: packed, at: 0, part };
    let count = input.number()?;
    // Each string takes at least its length byte: a count beyond that is no table.
    let mut strings: Vec<&'static str> = Vec::with_capacity(count.min(packed.len()));
    for _ in 0..count {
        let length = input.number()?;
        let bytes = input.take(length)?;
        strings.push(std::str::from_utf8(bytes).map_err(|_| input.bad("not UTF-8"))?);
    }
    let prolog = input.string(&strings)?.to_string();
    let root = unpack_element(&mut input, &strings, 0)?;
    if input.at != packed.len() {
        return Err(input.bad("bytes after the tree"));
    }
    Ok(XmlDoc { prolog, root })
}

/// The distinct strings of a tree, in order of first use.
#[derive(Default)]
struct Table<'t> {
    strings: Vec<&'t str>,
    indices: std::collections::HashMap<&'t str, usize>,
}

impl<'t> Table<'t> {
    fn index(&mut self, string: &'t str) -> usize {
        let next = self.strings.len();
        let index = *self.indices.entry(string).or_insert(next);
        if index == next {
            self.strings.push(string);
        }
        index
    }

    fn bytes(&self) -> usize {
        self.strings.iter().map(|s| s.len() + 2).sum()
    }
}

fn pack_element<'t>(element: &'t Element, table: &mut Table<'t>, out: &mut Vec<u8>) {
    push_number(out, table.index(&element.name));
    push_number(out, table.index(&element.ns));
    push_number(out, element.attrs.len());
    for (key, value) in &element.attrs {
        push_number(out, table.index(key));
        push_number(out, table.index(value));
    }
    push_number(out, element.children.len());
    for child in &element.children {
        match child {
            Node::Element(child) => {
                out.push(ELEMENT);
                pack_element(child, table, out);
            }
            Node::Text(text) => {
                out.push(TEXT);
                push_number(out, table.index(text));
            }
            Node::Raw(raw) => {
                out.push(RAW);
                push_number(out, table.index(raw));
            }
        }
    }
}

fn unpack_element(
    input: &mut Input<'_>,
    strings: &[&'static str],
    depth: usize,
) -> Result<Element> {
    if depth > MAX_DEPTH {
        return Err(input.bad("nested too deeply"));
    }
    let name = Cow::Borrowed(input.string(strings)?);
    let ns = Cow::Borrowed(input.string(strings)?);
    let count = input.number()?;
    // Every attribute takes at least two bytes: a count beyond that is no tree.
    let mut attrs = Vec::with_capacity(count.min(input.left() / 2));
    for _ in 0..count {
        let key = Cow::Borrowed(input.string(strings)?);
        attrs.push((key, Cow::Borrowed(input.string(strings)?)));
    }
    let count = input.number()?;
    let mut children = Vec::with_capacity(count.min(input.left() / 2));
    for _ in 0..count {
        let child = match input.kind()? {
            ELEMENT => Node::Element(unpack_element(input, strings, depth + 1)?),
            TEXT => Node::Text(Cow::Borrowed(input.string(strings)?)),
            RAW => Node::Raw(Cow::Borrowed(input.string(strings)?)),
            _ => return Err(input.bad("unknown node kind")),
        };
        children.push(child);
    }
    Ok(Element { name, attrs, children, ns })
}

/// Appends `number` as a LEB128 varint.
fn push_number(out: &mut Vec<u8>, mut number: usize) {
    while number >= 0x80 {
        out.push((number & 0x7F) as u8 | 0x80);
        number >>= 7;
    }
    out.push(number as u8);
}

/// The packed bytes being read.
struct Input<'p> {
    bytes: &'static [u8],
    at: usize,
    part: &'p str,
}

impl Input<'_> {
    fn bad(&self, message: &str) -> Error {
        Error::xml(self.part, self.at as u64, format!("packed tree: {message}"))
    }

    fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    fn take(&mut self, length: usize) -> Result<&'static [u8]> {
        let bytes: &'static [u8] = self.bytes;
        let end = self.at.checked_add(length).ok_or_else(|| self.bad("truncated"))?;
        let taken = bytes.get(self.at..end).ok_or_else(|| self.bad("truncated"))?;
        self.at = end;
        Ok(taken)
    }

    fn number(&mut self) -> Result<usize> {
        let mut number = 0usize;
        let mut shift = 0;
        while let Some(&byte) = self.bytes.get(self.at) {
            if shift >= usize::BITS {
                break;
            }
            self.at += 1;
            number |= usize::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(number);
            }
            shift += 7;
        }
        Err(self.bad("truncated number"))
    }

    fn kind(&mut self) -> Result<u8> {
        let kind =
            self.bytes.get(self.at).copied().ok_or_else(|| self.bad("truncated"))?;
        self.at += 1;
        Ok(kind)
    }

    fn string(&mut self, strings: &[&'static str]) -> Result<&'static str> {
        let index = self.number()?;
        strings.get(index).copied().ok_or_else(|| self.bad("no such string"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::xml_tree::{parse, serialize};

    // A packed tree reads back as the tree parsed from the text, and writes the same text.
    #[test]
    fn round_trip() {
        let text = "<?xml version=\"1.0\"?>\n<!-- c --><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:x=\"urn:x\"><w:body><w:p w:rsidR=\"00AB\"><w:r><w:t xml:space=\"preserve\">A &amp; B&#233; </w:t></w:r></w:p><x:y><![CDATA[<raw>]]></x:y><?pi data?><w:p/></w:body></w:document>";
        let parsed = parse(text.as_bytes(), "word/document.xml").unwrap();
        let packed: &'static [u8] = Box::leak(pack(&parsed).into_boxed_slice());
        let unpacked = unpack_static(packed, "word/document.xml").unwrap();
        assert_eq!(unpacked.prolog, parsed.prolog);
        assert_eq!(unpacked.root, parsed.root);
        assert_eq!(serialize(&unpacked), serialize(&parsed));
        // Shared strings are stored once: `w:p` and the namespace.
        assert!(packed.len() < text.len(), "{} bytes", packed.len());
    }

    // Bytes that `pack` did not write are an error, never a panic.
    #[test]
    fn damaged_bytes_are_errors() {
        let parsed = parse(b"<a x=\"1\"><b>text</b><c/></a>", "p").unwrap();
        let packed = pack(&parsed);
        for end in 0..packed.len() {
            let cut: &'static [u8] = Box::leak(packed[..end].to_vec().into_boxed_slice());
            assert!(unpack_static(cut, "p").is_err(), "cut at {end}");
        }
        for (index, byte) in packed.iter().enumerate() {
            let mut damaged = packed.clone();
            damaged[index] = byte.wrapping_add(0x41);
            let damaged: &'static [u8] = Box::leak(damaged.into_boxed_slice());
            let _ = unpack_static(damaged, "p");
        }
        let long: &'static [u8] = &[0xFF; 16];
        assert!(unpack_static(long, "p").is_err());
    }
}
