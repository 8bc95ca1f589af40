#!/usr/bin/env python3
"""Generate samples/docx/<stem>.docx from the plain-text sample minutes in samples/.

The text samples follow the Word plain-text export conventions of the seeds (a line starting
with TAB starts a table cell, continuation paragraphs of a cell have no TAB, a blank line ends a
table row, a lone number line followed by a title is a numbered heading, "N.N Title" on one line
is a heading too, "· " starts a bullet).  This script reads them back with those conventions and
writes the same words into a DOCX that uses real Word features:

* headings use the styles "Heading 1/2/3"; their numbers come from a multi-level w:abstractNum
  added to numbering.xml and attached (w:numPr) to the heading styles, so the numbers are NOT
  typed in the text; the script checks that Word's counters give exactly the typed numbers;
* cover sheet, contribution tables and action tables are real w:tbl tables ("Table Grid");
* bullets use the "List Bullet" style, which is numbered by a bullet list in numbering.xml;
* the "Intended purpose of document" options are checkboxes:
    - w14:checkbox content controls (arc-41-teleconference, "Decision" ticked),
    - legacy FORMCHECKBOX fields (pro-38-f2f, "Discussion" ticked),
    - ☒/☐ glyphs typed as text (req-edge-cases; the text sample carries the same glyphs);
  sds-09-windows1252 has no cover table at all (its cover fields are "Label: value" paragraphs).

The text of every paragraph is the text of the corresponding line (trimmed of the layout
characters only: the leading TAB of a cell, the "· " bullet glyph and the typed heading number),
so that the text and DOCX versions recognise to the same results.

DOCX-only samples have their source in samples/sources/<stem>.txt, with one more convention:
"# Title" and "## Title" are unnumbered headings (styles "Heading 1/2", no numbering attached
when the source has no numbered heading).  Their expected results are hand-written too.

Usage: python3 scripts/make_sample_docx.py [SAMPLES_DIR]   (default: samples/ next to scripts/)
Needs python-docx (pip install python-docx).
"""
import copy
import re
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

STEMS = ["arc-41-teleconference", "pro-38-f2f", "tst-12-minutes", "req-edge-cases", "sds-09-windows1252",
         "tp-50-plenary-entries", "sec-40-decision-lines"]

# How each sample renders its cover-sheet purpose checkboxes, and which one is ticked.
CHECKBOX_KIND = {
    "arc-41-teleconference": ("w14", "Decision"),
    "pro-38-f2f": ("legacy", "Discussion"),
    "req-edge-cases": ("glyph", None),  # the glyphs are part of the text itself
}
# Level-1 heading number format: sample 1 types "1. Opening", the others "1".
LEVEL1_TEXT = {"arc-41-teleconference": "%1."}

PURPOSE_OPTIONS = ("Decision", "Discussion", "Information", "Other <specify>")

NUM_LINE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s*$")
NUM_TITLE = re.compile(r"^(\d+(?:\.\d+)*)(\.?)\s+(\S.*)$")


# --------------------------------------------------------------------------- text -> blocks
def read_text(path):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # sds-09-windows1252.txt is a Windows-1252 export
        text = raw.decode("cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def blank(line):
    return line.strip() == ""


def parse(lines):
    """Return a list of blocks: ('title', t) ('heading', number, title) ('table', rows)
    ('bullet', t) ('para', t).  A table row is a list of cells, a cell a list of paragraphs."""
    blocks = []
    i, n = 0, len(lines)
    first = True
    while i < n:
        line = lines[i]
        if blank(line):
            i += 1
            continue
        if line.startswith("\t"):
            rows, row = [], []
            while i < n:
                l = lines[i]
                if l.startswith("\t"):
                    row.append([l[1:]])
                    i += 1
                elif blank(l):
                    if row:
                        rows.append(row)
                        row = []
                    i += 1
                    if i >= n or not lines[i].startswith("\t"):
                        break
                elif row:
                    row[-1].append(l)  # continuation paragraph of the current cell
                    i += 1
                else:
                    break
            if row:
                rows.append(row)
            blocks.append(("table", rows))
            first = False
            continue
        if first and line.strip() == "Minutes":
            blocks.append(("title", line.strip()))
            first = False
            i += 1
            continue
        first = False
        m = re.match(r"^(#{1,3}) (\S.*)$", line)
        if m:
            blocks.append(("uheading", len(m.group(1)), m.group(2)))
            i += 1
            continue
        m = NUM_LINE.match(line)
        if m:
            j = i + 1
            while j < n and blank(lines[j]):
                j += 1
            blocks.append(("heading", m.group(1), lines[j]))
            i = j + 1
            continue
        m = NUM_TITLE.match(line)
        if m:
            blocks.append(("heading", m.group(1), m.group(3)))
            i += 1
            continue
        if line.startswith("· "):
            blocks.append(("bullet", line[2:]))
            i += 1
            continue
        if line.strip() == "•":
            blocks.append(("bullet", lines[i + 1]))
            i += 2
            continue
        blocks.append(("para", line))
        i += 1
    return blocks


def check_heading_numbers(blocks):
    """Word numbers the headings with counters; they must give the numbers typed in the text."""
    counters = []
    for b in blocks:
        if b[0] != "heading":
            continue
        typed = b[1]
        level = typed.count(".") + 1
        counters = counters[:level] + [0] * (level - len(counters))
        counters[level - 1] += 1
        computed = ".".join(str(c) for c in counters)
        if computed != typed:
            raise SystemExit(f"heading {typed!r} would be numbered {computed!r} by Word")


# --------------------------------------------------------------------------- numbering
def add_heading_numbering(document, level1_text):
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(x.get(qn("w:numId"))) for x in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    texts = [level1_text, "%1.%2", "%1.%2.%3"]
    lvls = ""
    for ilvl, lvl_text in enumerate(texts):
        indent = 432 + 144 * ilvl
        lvls += (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="Heading{ilvl + 1}"/><w:lvlText w:val="{lvl_text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="5A1E0{abstract_id:03X}"/><w:multiLevelType w:val="multilevel"/>'
        f"{lvls}</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    for ilvl in range(3):
        style = document.styles[f"Heading {ilvl + 1}"]
        numPr = style.element.get_or_add_pPr().get_or_add_numPr()
        numPr.get_or_add_ilvl().val = ilvl
        numPr.get_or_add_numId().val = num_id


def check_bullet_numbering(document):
    """'List Bullet' must be numbered by a bullet list (true in python-docx's default template)."""
    style = document.styles["List Bullet"]
    num_id = style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    num = [x for x in numbering.findall(qn("w:num")) if x.get(qn("w:numId")) == str(num_id)][0]
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = [a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id][0]
    fmt = abstract.find(qn("w:lvl")).find(qn("w:numFmt")).get(qn("w:val"))
    assert fmt == "bullet", fmt


# --------------------------------------------------------------------------- checkboxes
class Ids:
    def __init__(self):
        self.sdt = 100
        self.field = 0

    def next_sdt(self):
        self.sdt += 1
        return self.sdt

    def next_field(self):
        self.field += 1
        return self.field


def add_w14_checkbox(paragraph, checked, ids):
    glyph = "\u2612" if checked else "\u2610"
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w", "w14")}><w:sdtPr>'
        f'<w:id w:val="{ids.next_sdt()}"/>'
        f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
        f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
        f"</w:sdtPr><w:sdtContent><w:r><w:rPr>"
        f'<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/>'
        f"</w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
    )
    paragraph._p.append(sdt)


def add_legacy_checkbox(paragraph, checked, ids):
    k = ids.next_field()
    checked_xml = "<w:checked/>" if checked else ""
    runs = [
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData>'
        f'<w:name w:val="Check{k}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{checked_xml}</w:checkBox>'
        f"</w:ffData></w:fldChar></w:r>",
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ]
    for r in runs:
        paragraph._p.append(parse_xml(r))


def purpose_option(text):
    t = text.strip()
    return t if t in PURPOSE_OPTIONS else None


# --------------------------------------------------------------------------- blocks -> docx
def drop_styles_with_effects(document):
    """python-docx's default template carries a stale word/stylesWithEffects.xml (Word 2010 part)
    that disagrees with styles.xml; Word then repairs the file.  Word itself does not need the part,
    so drop the relationship and the part is not written."""
    rels = document.part.rels
    for rId, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del rels[rId]

def fill_cell(cell, paragraphs, in_cover, stem, ids):
    first = True
    for text in paragraphs:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        option = purpose_option(text) if in_cover else None
        kind = CHECKBOX_KIND.get(stem)
        if option and kind and kind[0] in ("w14", "legacy"):
            ticked = option == kind[1]
            if kind[0] == "w14":
                add_w14_checkbox(p, ticked, ids)
            else:
                add_legacy_checkbox(p, ticked, ids)
            p.add_run(" " + option)  # the text export shows " Decision" (glyph lost)
        else:
            if text:
                p.add_run(text)


def add_table(document, rows, stem, ids):
    ncols = max(len(r) for r in rows)
    in_cover = rows[0][0][0].strip() == "Meeting title:"
    table = document.add_table(rows=len(rows), cols=ncols)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        if len(row) != ncols:
            raise SystemExit(f"{stem}: table row {r} has {len(row)} cells, expected {ncols}: {row}")
        for c, paragraphs in enumerate(row):
            fill_cell(table.cell(r, c), paragraphs, in_cover, stem, ids)
    return table


def build(stem, blocks):
    document = docx.Document()
    drop_styles_with_effects(document)
    document.core_properties.title = f"{stem} (sample minutes)"
    document.core_properties.author = "minutes samples"
    if any(b[0] == "heading" for b in blocks):
        add_heading_numbering(document, LEVEL1_TEXT.get(stem, "%1"))
    check_bullet_numbering(document)
    # python-docx's template starts with an empty body (only sectPr): good.
    ids = Ids()
    for k, b in enumerate(blocks):
        kind = b[0]
        if kind == "title":
            document.add_paragraph(b[1], style="Title")
        elif kind == "heading":
            level = b[1].count(".") + 1
            document.add_paragraph(b[2], style=f"Heading {level}")
        elif kind == "uheading":
            document.add_paragraph(b[2], style=f"Heading {b[1]}")
        elif kind == "table":
            add_table(document, b[1], stem, ids)
            if k + 1 < len(blocks) and blocks[k + 1][0] == "table":
                # two tables in a row would merge in Word: keep them apart with an empty paragraph
                document.add_paragraph("")
        elif kind == "bullet":
            document.add_paragraph(b[1], style="List Bullet")
        elif kind == "para":
            p = document.add_paragraph(b[1])
            if b[1].strip() == "oneM2M Notice":
                p.runs[0].bold = True
    return document


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "samples"
    out = root / "docx"
    out.mkdir(exist_ok=True)
    sources = [(stem, root / f"{stem}.txt") for stem in STEMS]
    sources += [(p.stem, p) for p in sorted((root / "sources").glob("*.txt"))]
    for stem, src in sources:
        blocks = parse(read_text(src))
        check_heading_numbers(blocks)
        document = build(stem, blocks)
        target = out / f"{stem}.docx"
        document.save(str(target))
        # must open again
        reopened = docx.Document(str(target))
        print(f"{target}: {len(reopened.paragraphs)} paragraphs, {len(reopened.tables)} tables")


if __name__ == "__main__":
    main()
