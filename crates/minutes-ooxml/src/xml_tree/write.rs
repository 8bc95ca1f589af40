//! Writing a tree back as text, whole, around a gap, or with elements inserted.

use super::{Element, Node, XmlDoc};

/// Writes a tree back as text (the empty root case is handled by the caller's parse).
pub fn serialize(doc: &XmlDoc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&doc.prolog);
    write_element(&doc.root, &mut out);
    out
}

/// Writes a document as the text before and the text after a gap in the children of
/// the root's child element `child`, before its child `at`: the main part around the
/// minutes body, which is streamed into the gap. The element around the gap is written
/// with separate start and end tags even when it has no children.
pub fn serialize_around(doc: &XmlDoc, child: usize, at: usize) -> (String, String) {
    let mut head = String::with_capacity(16 * 1024);
    let mut tail = String::with_capacity(4 * 1024);
    head.push_str(&doc.prolog);
    let root = &doc.root;
    start_tag(root, &mut head);
    let mut out = &mut head;
    for (i, node) in root.children.iter().enumerate() {
        match node {
            Node::Element(e) if i == child => {
                start_tag(e, out);
                for (k, node) in e.children.iter().enumerate() {
                    if k == at {
                        out = &mut tail;
                    }
                    write_node(node, out);
                }
                out = &mut tail;
                end_tag(e, out);
            }
            node => write_node(node, out),
        }
    }
    end_tag(root, out);
    (head, tail)
}

/// Writes a document with elements added among the root's children: each `(at, added)`
/// writes `added` before the root's child `at` (or at the end); `inserts` are sorted by
/// `at`, and added elements at one place keep the order of `inserts`.
pub fn serialize_inserting(doc: &XmlDoc, inserts: &[(usize, &[Element])]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&doc.prolog);
    let root = &doc.root;
    if root.children.is_empty() && inserts.iter().all(|(_, added)| added.is_empty()) {
        write_element(root, &mut out);
        return out;
    }
    start_tag(root, &mut out);
    let mut pending = inserts.iter().peekable();
    for i in 0..=root.children.len() {
        while let Some((_, added)) = pending.next_if(|(at, _)| *at <= i) {
            for element in *added {
                write_element(element, &mut out);
            }
        }
        if let Some(node) = root.children.get(i) {
            write_node(node, &mut out);
        }
    }
    for (_, added) in pending {
        for element in *added {
            write_element(element, &mut out);
        }
    }
    end_tag(root, &mut out);
    out
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Element(e) => write_element(e, out),
        Node::Text(text) | Node::Raw(text) => out.push_str(text),
    }
}

/// `<name attrs…>` (without the closing `>` or `/>`).
fn open_tag(e: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&e.name);
    for (key, value) in &e.attrs {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        // A value read from single quotes may hold `"`.
        if value.contains('"') {
            out.push_str(&value.replace('"', "&quot;"));
        } else {
            out.push_str(value);
        }
        out.push('"');
    }
}

fn start_tag(e: &Element, out: &mut String) {
    open_tag(e, out);
    out.push('>');
}

fn end_tag(e: &Element, out: &mut String) {
    out.push_str("</");
    out.push_str(&e.name);
    out.push('>');
}

fn write_element(element: &Element, out: &mut String) {
    // An explicit stack keeps deep trees from overflowing the call stack.
    enum Step<'a> {
        Open(&'a Element),
        Close(&'a Element),
        Node(&'a Node),
    }
    let mut stack = vec![Step::Open(element)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(e) => {
                open_tag(e, out);
                if e.children.is_empty() {
                    out.push_str("/>");
                } else {
                    out.push('>');
                    stack.push(Step::Close(e));
                    for child in e.children.iter().rev() {
                        stack.push(Step::Node(child));
                    }
                }
            }
            Step::Close(e) => end_tag(e, out),
            Step::Node(Node::Element(e)) => stack.push(Step::Open(e)),
            Step::Node(Node::Text(text) | Node::Raw(text)) => out.push_str(text),
        }
    }
}
