#!/usr/bin/env python3
"""Generates samples/templates/acme-minutes.docx: an example USER template for
`minutes convert --template`.

It differs from the built-in template on purpose: Georgia/Verdana fonts, its own heading
styles (unnumbered: the writer adds numbering), A4 landscape page with wide margins, a
logo image in the header, a footer with a PAGE field, its own cover table (same labels,
checkboxes as w14:checkbox content controls drawn with Segoe UI Symbol) and a placeholder
body after the notice that the writer replaces.

Run: python3 samples/templates/make_user_template.py   (needs python-docx)
"""
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
OUT = HERE / "acme-minutes.docx"
W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
LABELS = ["Meeting title:", "Chair:", "Vice Chairs:", "Secretary:", "Meeting Date:"]
PURPOSES = ["Decision", "Discussion", "Information", "Other <specify>"]
NOTICE = (
    "The document to which this cover statement is attached is submitted to oneM2M. "
    "Participation in, or attendance at, any activity of oneM2M, constitutes acceptance of and "
    "agreement to be bound by terms of the Working Procedures and the Partnership Agreement, "
    "including the Intellectual Property Rights (IPR) Principles Governing oneM2M Work found in "
    "Annex 1 of the Partnership Agreement."
)


def logo_png(width=96, height=32):
    """A small RGB PNG: a green block with an orange bar, drawn pixel by pixel."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter type 0
        for x in range(width):
            if 4 <= y < height - 4 and 4 <= x < 28:
                row += bytes((232, 119, 34))  # orange square
            elif y >= height - 6:
                row += bytes((0, 80, 140))  # blue base line
            else:
                row += bytes((46, 139, 87))  # green field
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def checkbox(sdt_id, label):
    escaped = label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return parse_xml(
        f"""<w:p {nsdecls("w")} {W14}>
  <w:sdt>
    <w:sdtPr>
      <w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol"/></w:rPr>
      <w:id w:val="{sdt_id}"/>
      <w14:checkbox>
        <w14:checked w14:val="0"/>
        <w14:checkedState w14:val="2612" w14:font="Segoe UI Symbol"/>
        <w14:uncheckedState w14:val="2610" w14:font="Segoe UI Symbol"/>
      </w14:checkbox>
    </w:sdtPr>
    <w:sdtContent>
      <w:r><w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol"/></w:rPr><w:t>\u2610</w:t></w:r>
    </w:sdtContent>
  </w:sdt>
  <w:r><w:t xml:space="preserve"> {escaped}</w:t></w:r>
</w:p>"""
    )


def field(paragraph, instruction, cached):
    """Appends a complex field (begin / instrText / separate / result / end)."""
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>'))
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run(cached)
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def main():
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(10.5)
    for level, (size, colour) in enumerate([(18, "1E5631"), (14, "2E8B57"), (12, "2E8B57"), (11, "3C3C3C")], 1):
        heading = styles[f"Heading {level}"]
        heading.font.name = "Verdana"
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.color.rgb = RGBColor.from_string(colour)
    styles["Title"].font.name = "Verdana"
    styles["Title"].font.color.rgb = RGBColor.from_string("1E5631")

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)

    header = section.header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(logo_png()), width=Cm(2.4))
    header.add_run("\tACME Standards Group \u2013 Meeting Minutes")
    footer = section.footer.paragraphs[0]
    footer.add_run("ACME internal \u2013 page ")
    field(footer, "PAGE", "1")

    doc.add_paragraph("Minutes", style="Title")
    table = doc.add_table(rows=len(LABELS) + 1, cols=2)
    table.style = styles["Light Grid Accent 1"]
    for row, label in zip(table.rows, LABELS + ["Intended purpose of document:"]):
        row.cells[0].width, row.cells[1].width = Cm(6), Cm(18)
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].paragraphs[0].add_run("(to be filled)")
    purpose = table.rows[-1].cells[1]
    purpose._tc.remove(purpose.paragraphs[0]._p)
    for number, label in enumerate(PURPOSES, 1):
        purpose._tc.append(checkbox(2000 + number, label))

    notice_heading = doc.add_paragraph()
    notice_heading.add_run("oneM2M Notice").bold = True
    doc.add_paragraph(NOTICE)
    doc.add_paragraph("[The minutes start here. This placeholder is replaced by the writer.]", style="Heading 1")
    doc.add_paragraph("Placeholder discussion text.")

    doc.core_properties.title = "ACME minutes template"
    doc.core_properties.author = "minutes sample"
    buffer = io.BytesIO()
    doc.save(buffer)
    strip_parts(buffer, OUT)
    print(f"wrote {OUT}")


# Parts of python-docx's default package this sample does without: Word checks that
# stylesWithEffects.xml agrees with styles.xml (it no longer would), and the thumbnail
# only adds weight. Their relationships and content types go with them.
DROPPED = {"word/stylesWithEffects.xml": "stylesWithEffects.xml", "docProps/thumbnail.jpeg": "docProps/thumbnail.jpeg"}


def strip_parts(buffer, out):
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in DROPPED:
                continue
            data = source.read(item.filename)
            if item.filename.endswith(".rels") or item.filename == "[Content_Types].xml":
                text = data.decode("utf-8")
                for part, target_name in DROPPED.items():
                    text = re.sub(r'<Relationship [^>]*Target="%s"[^>]*/>' % re.escape(target_name), "", text)
                    text = re.sub(r'<Override PartName="/%s"[^>]*/>' % re.escape(part), "", text)
                text = re.sub(r'<Default Extension="jpeg"[^>]*/>', "", text)
                data = text.encode("utf-8")
            target.writestr(item, data)


if __name__ == "__main__":
    main()
