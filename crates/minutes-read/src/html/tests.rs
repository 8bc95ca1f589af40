//! HTML reader tests on small inline pages.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use minutes_flow::{BlockKind, Table};
use pretty_assertions::assert_eq;

use super::{table::MAX_GRID_COLUMNS, *};
use minutes_flow::Cell;

fn blocks(page: &str) -> Vec<Block> {
    read_html(page.as_bytes()).output.blocks
}

fn table(block: &Block) -> Vec<Vec<String>> {
    let BlockKind::Table(Table { rows }) = &block.kind else {
        panic!("not a table: {block:?}")
    };
    rows.iter().map(|row| row.cells.iter().map(Cell::text).collect()).collect()
}

#[test]
fn headings_paragraphs_and_lines() {
    let page = "<!DOCTYPE html>\n<html><head><title>T</title><style>p{}</style></head>\n<body>\n<h1>6.3 Other   Contributions</h1>\n<p>SEC-2018-0062R02 was <b>NOTED</b>.</p>\n<div>Line one<br>line two</div>\n<!-- a comment -->\n<script>var x;</script>\n</body></html>";
    let blocks = blocks(page);
    assert_eq!(
        blocks,
        vec![
            Block::heading(1, None, "6.3 Other Contributions", Span::Line(4)),
            Block::paragraph("SEC-2018-0062R02 was NOTED.", Span::Line(5)),
            Block::paragraph("Line one\nline two", Span::Line(6)),
        ]
    );
}

#[test]
fn nested_lists_with_levels_and_numbers() {
    let page = "<ul>\n<li>First\n<ul><li>Inner</li></ul></li>\n<li>Second</li></ul>\n<ol start=3><li>Third</li><li>Fourth</li></ol>";
    let items: Vec<(u8, String, Option<String>)> = blocks(page)
        .into_iter()
        .map(|b| match b.kind {
            BlockKind::ListItem { level, text, label } => (level, text, label),
            other => panic!("not a list item: {other:?}"),
        })
        .collect();
    assert_eq!(
        items,
        vec![
            (1, "First".into(), None),
            (2, "Inner".into(), None),
            (1, "Second".into(), None),
            (1, "Third".into(), Some("3.".into())),
            (1, "Fourth".into(), Some("4.".into())),
        ]
    );
}

#[test]
fn spans_are_expanded_to_grid_columns() {
    let page = "<table><caption>Docs</caption>\
        <tr><th rowspan=2>A</th><th colspan=2>B</th><th>C</th></tr>\
        <tr><td>b1</td><td rowspan=3>b2</td><td>c</td></tr>\
        <tr><td>a</td><td>b1</td></tr>\
        </table>";
    let blocks = blocks(page);
    assert_eq!(blocks[0], Block::paragraph("Docs", Span::Line(1)));
    assert_eq!(
        table(&blocks[1]),
        vec![
            vec!["A", "B", "", "C"],
            vec!["", "b1", "b2", "c"],
            // The third row's b2 column is covered from above: an empty cell, trailing.
            vec!["a", "b1", ""],
        ]
    );
}

#[test]
fn cells_hold_blocks_and_nested_tables() {
    let page = "<table><tr><td><p>One</p><p>Two</p></td><td><table><tr><td>in</td></tr></table></td></tr></table>";
    let blocks = blocks(page);
    assert_eq!(blocks.len(), 1);
    assert_eq!(table(&blocks[0]), vec![vec!["One\nTwo", "in"]]);
}

#[test]
fn excel_export_in_windows_1252() {
    let page = b"<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;charset=windows-1252\"></HEAD><BODY>\r\n<table><THEAD><TR><TH><FONT>TD#</FONT></TH><TH> Title </TH></TR></THEAD>\r\n<TBODY><TR><TD><a href=\"x\">S2-186305</a></TD><TD>R\xE9sum\xE9 \x96 draft</TD></TR></TBODY></table>\r\n<P>Total documents:  <B>1 </B></P></BODY></HTML>";
    let flow = read_html(page).output;
    assert_eq!(
        table(&flow.blocks[0]),
        vec![vec!["TD#", "Title"], vec!["S2-186305", "Résumé – draft"]]
    );
    assert_eq!(flow.blocks[0].location, Span::Line(2));
    assert_eq!(flow.blocks[1], Block::paragraph("Total documents: 1", Span::Line(4)));
}

#[test]
fn preformatted_text_keeps_its_spaces() {
    assert_eq!(
        blocks("<pre>a  b\nc</pre>"),
        vec![Block::paragraph("a  b\nc", Span::Line(1))]
    );
}

#[test]
fn hostile_input_is_bounded() {
    let deep = "<div>".repeat(5_000) + "deep";
    let flow = read_html(deep.as_bytes());
    assert!(flow.output.blocks.is_empty());
    assert_eq!(flow.warnings.len(), 1);
    let wide = "<table><tr><td colspan=999999999>x</td><td>y</td></tr></table>";
    let blocks = blocks(wide);
    let cells = &table(&blocks[0])[0];
    assert_eq!(cells.len(), MAX_GRID_COLUMNS + 1);
    assert_eq!(cells.last().unwrap(), "y");
    assert!(read_html(b"\xFF\xFE\x00<").output.blocks.len() <= 1);
}
