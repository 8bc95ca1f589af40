#!/usr/bin/env python3
"""Fills fuzz/corpus/<target>/ with seeds (the corpus directory is git-ignored).

read_text, recognise, roundtrip: every samples/*.txt (and ../shared/seeds/*.txt if present).
read_docx: every samples/docx/*.docx as it is, the same packages as structured inputs
(flags byte + document.xml + separator + styles.xml + separator + numbering.xml, see
fuzz/src/lib.rs `build_package`), and a few generated zips (minimal body, nested tables,
a DOCTYPE, tracked changes, fields, checkboxes).
read_html: generated pages (headings, nested lists, spanned tables, Excel's and Word's
exports, charsets) and the head of each real Tdoc list in ../shared when present.
read_doc: the small files of ../shared/corpus/doc (when present) and a structured input
(WordDocument stream + separator + table stream, see fuzz/src/lib.rs `build_doc`).
"""
import io, os, pathlib, shutil, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
SEP = b"\n=====\n"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def put(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


texts = sorted((ROOT / "samples").glob("*.txt"))
shared = ROOT.parent / "shared" / "seeds"
if shared.is_dir():
    texts += sorted(shared.glob("*.txt"))
for t in texts:
    for target in ("read_text", "recognise", "roundtrip"):
        put(target, t.name, t.read_bytes())
for target in ("read_text", "recognise", "roundtrip"):
    put(target, "tiny.txt", b"1\nAgenda\nSEC-2018-0061R04 was AGREED\n")
    put(target, "utf16.txt", "\ufeff1\nAgenda\n\tSEC-2018-0061\tTitle\tKDDI\n".encode("utf-16-le"))

for d in sorted((ROOT / "samples" / "docx").glob("*.docx")):
    data = d.read_bytes()
    put("read_docx", d.name, data)
    z = zipfile.ZipFile(io.BytesIO(data))
    names = set(z.namelist())
    part = lambda n: z.read(n) if n in names else b""
    structured = bytes([8]) + part("word/document.xml") + SEP + part("word/styles.xml") + SEP + part("word/numbering.xml")
    put("read_docx", d.stem + ".structured", structured)

bodies = {
    "minimal": '<w:p><w:r><w:t>1 Opening</w:t></w:r></w:p>',
    "heading": '<w:p><w:pPr><w:outlineLvl w:val="0"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Agenda</w:t></w:r></w:p><w:p><w:r><w:t>SEC-2018-0061R04 was AGREED</w:t></w:r></w:p>',
    "nested-tables": '<w:tbl>' * 20 + '<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>' + '</w:tbl>' * 20,
    "table": '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>SEC-2015-0507</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Title</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
    "fields": '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>FORMCHECKBOX</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>☒</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>',
    "tracked": '<w:p><w:ins w:id="1"><w:r><w:t>kept</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:tab/><w:br/><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>',
    "sdt": '<w:sdt><w:sdtPr><w14:checkbox xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Decision</w:t></w:r></w:p></w:sdtContent></w:sdt>',
}
styles = f'<w:styles {W}><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="H2"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="H1"/></w:style></w:styles>'.encode()
numbering = f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'.encode()
for name, body in bodies.items():
    put("read_docx", "gen-" + name, bytes([16]) + body.encode() + SEP + styles + SEP + numbering)
put("read_docx", "gen-doctype", bytes([0]) + f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'.encode())
# read_html: small pages of every construct the reader walks, and the head of each real
# Tdoc list (Excel's export) when ../shared is present.
pages = {
    "headings": "<!DOCTYPE html><html><head><title>x</title><style>p{}</style><script>1</script></head><body><h1>6 Contributions</h1><h2>6.1 TS-0001</h2><p>SEC-2018-0062R02 was <b>NOTED</b>.<br>Next</p></body></html>",
    "lists": "<ul><li>one<ul><li>two<ol start=4><li value=9>three</li></ol></li></ul></li><li><p>para</p><p>more</p></li></ul><li>stray</li><menu><li>m</li></menu>",
    "table": "<table><caption>c</caption><thead><tr><th rowspan=2>A</th><th colspan=3>B</th></tr></thead><tbody><tr><td>SEC-2018-0131</td><td rowspan=0>x</td><td colspan=0>y</td></tr><tr><td><table><tr><td>in</td></tr></table></td></tr></tbody><tfoot><tr><td>t</td></tr></tfoot></table>",
    "excel": "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;charset=windows-1252\"></HEAD><BODY><table><THEAD><TR><TH><FONT>AI</FONT></TH><TH> TD# </TH><TH>Title</TH><TH>Result</TH></TR></THEAD><TBODY><TR><TD>6.1</TD><TD><a name=S2-186305 href=\"Docs\\S2-186305.zip\">S2-186305</a></TD><TD>Draft</TD><TD>Approved</TD></TR></TBODY></table><P>Total documents: <B>1</B></P></BODY></HTML>",
    "word": "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8><!--[if gte mso 9]><xml><o:p/></xml><![endif]--></head><body><p class=MsoNormal><![if !supportLists]><span>1.<span>&nbsp;</span></span><![endif]>Item<o:p></o:p></p><pre>a  b\n c</pre><template><p>t</p></template><svg><p>s</p></svg></body></html>",
}
for name, page in pages.items():
    put("read_html", name + ".html", page.encode("utf-8"))
put("read_html", "cp1252.html", b"<meta charset=windows-1252><p>R\xe9sum\xe9 \x96 \x93q\x94</p>")
put("read_html", "utf16.html", "\ufeff<html><body><p>UTF-16</p></body></html>".encode("utf-16-le"))
lists = ROOT.parent / "shared" / "real" / "3gpp" / "tdoc-lists"
if lists.is_dir():
    for page in sorted(lists.glob("*.htm*")):
        data = page.read_bytes()
        start = data.lower().find(b"<table style")
        put("read_html", page.stem + ".head.htm", data[:4096] + data[max(start, 0):max(start, 0) + 12288])

# read_doc: the small files of the shared .doc corpus (read in place; only the git-ignored
# fuzz corpus holds copies), when it is beside the project.
docs = ROOT.parent / "shared" / "corpus" / "doc"
if docs.is_dir():
    for d in sorted(docs.glob("*.doc")):
        if d.stat().st_size <= 64 * 1024:
            put("read_doc", d.name, d.read_bytes())
# A structured input (WordDocument stream + separator + table stream): a FIB, the text
# "Test\r" at 0x200 as one 8-bit piece, and the CLX at the start of the table stream.
fib = bytearray(1024)
fib[0:4] = bytes([0xEC, 0xA5, 0xC1, 0x00])
fib[10:12] = (0x0200).to_bytes(2, "little")
fib[32:34] = (14).to_bytes(2, "little")
fib[62:64] = (22).to_bytes(2, "little")
fib[76:80] = (5).to_bytes(4, "little")
fib[152:154] = (93).to_bytes(2, "little")
clx = bytes([2]) + (16).to_bytes(4, "little") + (0).to_bytes(4, "little") + (5).to_bytes(4, "little")
clx += bytes(2) + (0x4000_0000 | 0x400).to_bytes(4, "little") + bytes(2)
fib[418:426] = (0).to_bytes(4, "little") + len(clx).to_bytes(4, "little")
fib[0x200:0x205] = b"Test\r"
put("read_doc", "gen-one-piece", bytes(fib) + SEP + clx)
print("seeded", CORPUS)
