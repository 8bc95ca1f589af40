//! html5ever's tree builder into scraper's tree, noting the source line of every element.
//!
//! scraper's own sink forgets where elements came from; this one wraps it, delegates every
//! call and records the line the tree builder reports (`set_current_line`) when an element
//! is created, so blocks can point at `file:LINE`.

use std::{
    borrow::Cow,
    cell::{Cell, RefCell},
    collections::HashMap,
};

use html5ever::{
    tendril::StrTendril,
    tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink},
    Attribute, QualName,
};
use scraper::{Html, HtmlTreeSink};

/// A node of the parsed tree, as scraper names it.
pub(super) type NodeId = <HtmlTreeSink as TreeSink>::Handle;

/// The 1-based source line each element starts on.
pub(super) type Lines = HashMap<NodeId, u32>;

/// scraper's sink plus the element lines.
pub(super) struct LineSink {
    inner: HtmlTreeSink,
    current_line: Cell<u32>,
    lines: RefCell<Lines>,
}

impl LineSink {
    pub(super) fn new() -> LineSink {
        LineSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            current_line: Cell::new(1),
            lines: RefCell::new(HashMap::new()),
        }
    }
}

impl TreeSink for LineSink {
    type Output = (Html, Lines);
    type Handle = NodeId;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.lines.into_inner())
    }

    fn set_current_line(&self, line_number: u64) {
        self.current_line.set(u32::try_from(line_number).unwrap_or(u32::MAX));
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.lines.borrow_mut().insert(id, self.current_line.get());
        id
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {
        // Real pages are full of recoverable errors; the tree builder repairs them.
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner.append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner.append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
}
