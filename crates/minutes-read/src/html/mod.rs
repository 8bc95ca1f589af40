//! HTML reader: a web page or an Excel/Word HTML export into Flow.
//!
//! Parsing is html5ever's (through scraper), which repairs real pages as browsers do; this
//! module only walks the tree. Kept: `h1`–`h6` as headings, paragraphs and other block
//! containers as paragraphs (`<br>` is a line break inside one), `ul`/`ol`/`menu` items as
//! list items with their nesting level (`ol` items labelled `1.`, `2.` from `start`),
//! tables with `colspan`/`rowspan` expanded so every cell sits in its grid column (spanned
//! places are empty cells), a table's `caption` as a paragraph before it. Dropped: `head`,
//! scripts, styles, comments (Office's conditional comments among them), images, form
//! controls, and all formatting. Locations are source lines.

mod decode;
mod sink;
mod table;
#[cfg(test)]
mod tests;

use ego_tree::NodeRef;
use html5ever::{tendril::TendrilSink, ParseOpts};
use minutes_flow::{normalise_inline_owned, Block, Diagnostic, Flow, Span, Warned};
use scraper::{node::Element, Node};

use self::sink::{LineSink, Lines};

/// The deepest element nesting walked; what is deeper is dropped with a warning, so a page
/// of a million nested `<div>`s cannot exhaust the stack.
const MAX_DEPTH: usize = 200;

/// Reads an HTML page into a Flow. Never fails: html5ever repairs any text into a tree;
/// undecodable bytes are replaced and reported.
pub fn read_html(bytes: &[u8]) -> Warned<Flow> {
    let decoded = decode::decode_html(bytes);
    let mut warnings = Vec::new();
    if let Some(note) = decoded.note {
        warnings.push(Diagnostic::note(Span::Line(1), note));
    }
    let (html, lines) = html5ever::parse_document(LineSink::new(), ParseOpts::default())
        .one(&*decoded.text);
    let mut walker = Walker { lines: &lines, warnings, too_deep: false };
    let mut blocks = Vec::new();
    let mut pending = Pending::default();
    walker.children(html.tree.root(), Context::default(), &mut pending, &mut blocks);
    pending.flush(&mut blocks);
    Warned { output: Flow::new(blocks), warnings: walker.warnings }
}

/// What the enclosing elements make of text.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    /// The list nesting level: 0 outside lists, where text becomes paragraphs.
    list_level: u8,
    /// Inside `pre`: white space is kept.
    preformatted: bool,
    /// Elements above this one.
    depth: usize,
    /// The source line of the nearest enclosing element.
    line: u32,
}

/// Inline text gathered until a block boundary.
#[derive(Debug, Default)]
struct Pending {
    text: String,
    location: Option<Span>,
    list_level: u8,
    /// The `ol` number of the list item the text opens.
    label: Option<String>,
}

impl Pending {
    fn push(&mut self, text: &str, context: Context) {
        if self.location.is_none() {
            if text.trim().is_empty() {
                return;
            }
            self.location = Some(Span::Line(context.line));
            self.list_level = context.list_level;
        }
        if context.preformatted {
            self.text.push_str(text);
        } else {
            // HTML collapses white space runs to one space.
            let mut words = text.split(|c: char| c.is_ascii_whitespace());
            if let Some(first) = words.next() {
                self.text.push_str(first);
                for word in words {
                    if !self.text.ends_with([' ', '\n']) && !word.is_empty() {
                        self.text.push(' ');
                    }
                    self.text.push_str(word);
                }
                if text.ends_with(|c: char| c.is_ascii_whitespace())
                    && !self.text.ends_with([' ', '\n'])
                {
                    self.text.push(' ');
                }
            }
        }
    }

    fn line_break(&mut self) {
        if self.location.is_some() {
            let kept = self.text.trim_end_matches(' ').len();
            self.text.truncate(kept);
            self.text.push('\n');
        }
    }

    /// Ends the paragraph (or list item) gathered so far, if it holds any text.
    fn flush(&mut self, out: &mut Vec<Block>) {
        let Some(location) = self.location.take() else {
            self.text.clear();
            return;
        };
        let text = std::mem::take(&mut self.text);
        let text: Vec<&str> =
            text.split('\n').map(str::trim).filter(|line| !line.is_empty()).collect();
        let text = normalise_inline_owned(text.join("\n"));
        if text.trim().is_empty() {
            return;
        }
        let label = self.label.take();
        out.push(if self.list_level == 0 {
            Block::paragraph(text, location)
        } else {
            let mut item = Block::list_item(self.list_level, text, location);
            if let minutes_flow::BlockKind::ListItem { label: slot, .. } = &mut item.kind
            {
                *slot = label;
            }
            item
        });
    }
}

struct Walker<'a> {
    lines: &'a Lines,
    warnings: Vec<Diagnostic>,
    too_deep: bool,
}

/// What an element is to the reader.
enum Role {
    /// Not content: `head`, `script`, `style`, images, controls.
    Skipped,
    Heading(u8),
    /// Ends the paragraph before and after it.
    Block,
    List {
        ordered: bool,
    },
    ListItem,
    Table,
    LineBreak,
    Preformatted,
    /// Text-level markup: its text joins the current paragraph.
    Inline,
}

fn role(name: &str) -> Role {
    match name {
        "head" | "script" | "style" | "template" | "noscript" | "title" | "meta"
        | "link" | "img" | "input" | "select" | "textarea" | "button" | "object"
        | "embed" | "iframe" | "svg" | "math" | "canvas" | "audio" | "video" | "map" => {
            Role::Skipped
        }
        "h1" => Role::Heading(1),
        "h2" => Role::Heading(2),
        "h3" => Role::Heading(3),
        "h4" => Role::Heading(4),
        "h5" => Role::Heading(5),
        "h6" => Role::Heading(6),
        "ul" | "menu" | "dir" => Role::List { ordered: false },
        "ol" => Role::List { ordered: true },
        "li" => Role::ListItem,
        "table" => Role::Table,
        "br" => Role::LineBreak,
        "pre" | "listing" | "xmp" | "plaintext" => Role::Preformatted,
        "p" | "div" | "blockquote" | "section" | "article" | "header" | "footer"
        | "main" | "nav" | "aside" | "center" | "address" | "figure" | "figcaption"
        | "form" | "fieldset" | "legend" | "dl" | "dt" | "dd" | "hr" | "body"
        | "html" | "details" | "summary" | "caption" | "tr" | "td" | "th" | "thead"
        | "tbody" | "tfoot" => Role::Block,
        _ => Role::Inline,
    }
}

impl Walker<'_> {
    fn line_of(&self, node: NodeRef<'_, Node>, context: Context) -> u32 {
        self.lines.get(&node.id()).copied().unwrap_or(context.line)
    }

    fn children(
        &mut self,
        node: NodeRef<'_, Node>,
        context: Context,
        pending: &mut Pending,
        out: &mut Vec<Block>,
    ) {
        if context.depth >= MAX_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.warnings.push(Diagnostic::warning(
                    Span::Line(context.line),
                    format!("elements nested more than {MAX_DEPTH} deep: their content is dropped"),
                ));
            }
            return;
        }
        for child in node.children() {
            match child.value() {
                Node::Text(text) => pending.push(text, context),
                Node::Element(element) => {
                    self.element(child, element, context, pending, out)
                }
                Node::Document | Node::Fragment => {
                    self.children(child, context, pending, out)
                }
                Node::Comment(_) | Node::Doctype(_) | Node::ProcessingInstruction(_) => {}
            }
        }
    }

    fn element(
        &mut self,
        node: NodeRef<'_, Node>,
        element: &Element,
        context: Context,
        pending: &mut Pending,
        out: &mut Vec<Block>,
    ) {
        let inner = Context {
            depth: context.depth + 1,
            line: self.line_of(node, context),
            ..context
        };
        match role(element.name()) {
            Role::Skipped => {}
            Role::Inline => self.children(node, inner, pending, out),
            Role::LineBreak => pending.line_break(),
            Role::Block => {
                pending.flush(out);
                self.children(node, inner, pending, out);
                pending.flush(out);
            }
            Role::Preformatted => {
                pending.flush(out);
                self.children(
                    node,
                    Context { preformatted: true, ..inner },
                    pending,
                    out,
                );
                pending.flush(out);
            }
            Role::Heading(level) => {
                pending.flush(out);
                let mut text = Pending::default();
                let mut nested = Vec::new();
                self.children(
                    node,
                    Context { list_level: 0, ..inner },
                    &mut text,
                    &mut nested,
                );
                text.flush(&mut nested);
                // A heading holds phrasing content only; whatever the page nested in it
                // anyway is kept as the heading's text.
                let words: Vec<&str> = nested.iter().filter_map(Block::text).collect();
                let text = words.join(" ");
                if !text.trim().is_empty() {
                    out.push(Block::heading(level, None, text, Span::Line(inner.line)));
                }
            }
            Role::List { ordered } => {
                pending.flush(out);
                let level = context.list_level.saturating_add(1);
                let mut number: i64 = element
                    .attr("start")
                    .and_then(|start| start.trim().parse().ok())
                    .unwrap_or(1);
                for child in node.children() {
                    let is_item =
                        matches!(child.value(), Node::Element(e) if e.name() == "li");
                    let item_context = Context {
                        list_level: level,
                        depth: inner.depth + 1,
                        line: self.line_of(child, inner),
                        ..inner
                    };
                    if is_item {
                        if let Some(value) = child
                            .value()
                            .as_element()
                            .and_then(|e| e.attr("value"))
                            .and_then(|v| v.trim().parse().ok())
                        {
                            number = value;
                        }
                        pending.flush(out);
                        pending.label = ordered.then(|| format!("{number}."));
                        number = number.saturating_add(1);
                        self.children(child, item_context, pending, out);
                        pending.flush(out);
                        pending.label = None;
                    } else {
                        self.children_of_one(
                            child,
                            Context { list_level: level, ..inner },
                            pending,
                            out,
                        );
                    }
                }
                pending.flush(out);
            }
            Role::ListItem => {
                // An `li` outside a list: an item of a list of its own.
                pending.flush(out);
                let level = context.list_level.max(1);
                self.children(node, Context { list_level: level, ..inner }, pending, out);
                pending.flush(out);
            }
            Role::Table => {
                pending.flush(out);
                self.table(node, inner, out);
            }
        }
    }

    /// Walks one node as if it were the only child of its parent.
    fn children_of_one(
        &mut self,
        node: NodeRef<'_, Node>,
        context: Context,
        pending: &mut Pending,
        out: &mut Vec<Block>,
    ) {
        match node.value() {
            Node::Text(text) => pending.push(text, context),
            Node::Element(element) => self.element(node, element, context, pending, out),
            _ => {}
        }
    }
}
