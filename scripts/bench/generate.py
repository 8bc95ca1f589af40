#!/usr/bin/env python3
"""Generate draft minutes of a given size for the benchmark (scripts/bench.sh).

Writes OUTDIR/minutes-<N>.txt for each N (the number of documents discussed) in the text
export style of the seeds (../shared/seeds/*.txt, PATTERNS.md): the cover table and oneM2M
Notice, the standard opening sections, then per agenda item a contribution table
(Tdoc | Title | Source, one TAB-started cell per line, a blank line between rows) followed
by one discussion per document: a "<Tdoc>- <title>" heading, "· " bullets, prose, and
decisions in the seed phrasings (AGREED / NOTED / REVISED chains, "was agreed", WITHDRAWN,
postponements, TP dispensations), the planning section with "•" lines, the action-item
table, closure. Ten documents per sub-section, ten sub-sections per section. The content
is pseudo-random but fixed (seeded by N), so runs compare.

With --docx, each text draft is also written as OUTDIR/minutes-<N>.docx by the builder of
the bundled samples (scripts/make_sample_docx.py, python-docx): real Heading 1/2 styles
numbered through numbering.xml, real tables, "List Bullet" paragraphs, w14:checkbox
content controls on the cover.

Usage: python3 scripts/bench/generate.py OUTDIR [--docx] N...
"""
import importlib.util
import random
import sys
from pathlib import Path

GROUPS = ["SEC", "ARC", "PRO", "REQ", "MAS", "TST", "SDS", "RDM"]
SOURCES = ["KDDI", "Qualcomm", "China Mobile", "Datang", "Huawei", "Telecom Italia", "Nokia",
           "Ericsson", "LG Electronics", "Samsung", "InterDigital", "Convida Wireless", "ETRI",
           "Giesecke & Devrient, Oberthur Technologies, Gemalto", "Fujitsu", "iconectiv"]
TOPICS = ["Security requirements for WI-0023", "Use case of PPM", "App-ID Format",
          "Group Authentication architecture", "End-to-End Security definition",
          "TS-0001 CR on resource announcement", "TR-0016 Resource definitions for Distributed Authorization",
          "Reply LS on security framework for Internet of Things", "WI-0016 update",
          "TS-0004 CR primitive parameters clean-up", "Time series data management",
          "CR on smart meter reading", "Semantic discovery enhancements", "Edge node registration",
          "TS-0003 CR 8.1.1 Object Security Review", "Release 4 work plan"]
BULLETS = [
    "This contribution proposed minor editorial changes.",
    "Participants discussed how this proposal would affect the architecture, and edits were proposed for clarity.",
    "It was noted that having a diagram to pictorially demonstrate the options would be useful.",
    "Edits were made during the meeting resulting in the creation of {next}.",
    "The source clarified that the change is backward compatible with Release 2.",
    "It was suggested that this contribution should be discussed at the joint meeting with ARC and REQ.",
    "A revision is expected with edits to the first proposed requirement.",
    "Concerns were raised about the impact on existing deployments; the source will check offline.",
]
PROSE = [
    "Presented by the source on Tuesday session-2.",
    "The Chair asked for comments; none were received.",
    "Several companies supported the direction of the proposal.",
]


def tdoc(group, year, serial, rev=None):
    base = f"{group}-{year}-{serial:04d}"
    return f"{base}R{rev:02d}" if rev else base


def generate(documents):
    rng = random.Random(documents)
    group = "SEC"
    year = 2015
    out = []
    w = out.append
    w(" \tMinutes\n\n")
    for label, value in [
        ("Meeting title:", f"SEC{documents} Meeting – Sapporo, Japan"),
        ("Chair:", "Francois Ennesser, Gemalto (Francois.Ennesser@gemalto.com) "),
        ("Vice Chairs:", "Dragan Vujcic, Oberthur Technologies (V.Dragan@oberthur.com) "),
        ("Secretary:", "Nicole Butler, ATIS (nbutler@atis.org)"),
        ("Meeting Date:", "17-21 May 2015"),
    ]:
        w(f"\t{label}\n\t{value}\n\n")
    w("\tIntended purpose of document:\n\tDecision\nDiscussion\nInformation\nOther <specify>\n\n\n")
    w("oneM2M Notice\n\n")
    w("The document to which this cover statement is attached is submitted to oneM2M.  Participation "
      "in, or attendance at, any activity of oneM2M, constitutes acceptance of and agreement to be "
      "bound by terms of the Working Procedures and the Partnership Agreement.\n\n")
    w("1\nOpening of meeting\n")
    w("1.1\nWelcome\nThe meeting was opened by the Chair and began at 2:30pm (local) on 17 May 2015.\n")
    w("1.2\nAttendees\nThe official list of participants is available on the Portal.\n")
    w(f"2\nReview of Agenda\n{tdoc(group, year, 1, 1)}-SEC_Agenda\n"
      "· Updates were made during discussions and an R02 will be posted\n\n"
      f"AGREED - {tdoc(group, year, 1, 2)}-SEC_Agenda\n")
    w("3\nApproval of Previous Minutes\nThe meeting minutes were approved electronically.\n")
    w("4\nReview of Objectives for the Meeting\nThe objectives, as listed on the agenda, were noted.\n")
    w("5\nReview of Action Items\nThe open action items, as listed on the agenda, were reviewed:\n")

    serial = 100
    section = 5
    done = 0
    while done < documents:
        section += 1
        w(f"{section}\nContributions to Work Item {section - 5:03d}\n")
        for sub in range(1, 11):
            if done >= documents:
                break
            count = min(10, documents - done)
            w(f"{section}.{sub}\n{rng.choice(TOPICS)} (agenda item {section}.{sub})\n")
            docs = []
            for _ in range(count):
                serial += 1
                g = rng.choice(GROUPS) if rng.random() < 0.2 else group
                docs.append((g, serial, rng.choice(TOPICS), rng.choice(SOURCES), rng.choice([None, None, 1, 2])))
            for g, s, title, source, rev in docs:
                w(f"\t{tdoc(g, year, s, rev)}\n\t{title}\n\t{source}\n\n")
            w("\n")
            for g, s, title, source, rev in docs:
                current = tdoc(g, year, s, rev)
                w(f"{current}- {title}\n")
                if rng.random() < 0.3:
                    w(f"{rng.choice(PROSE)}\n")
                nxt = (rev or 0) + 1
                for _ in range(rng.randint(0, 4)):
                    w("· " + rng.choice(BULLETS).format(next=f"R{nxt:02d}") + "\n")
                outcome = rng.random()
                if outcome < 0.45:
                    w(f"AGREED - {current}- {title}\n")
                elif outcome < 0.65:
                    w(f"NOTED - {current}- {title}\n")
                elif outcome < 0.8:
                    w(f"NOTED - {current}- {title}\nAGREED - {tdoc(g, year, s, nxt)}- {title}\n")
                elif outcome < 0.87:
                    w(f"{current} was agreed with minor edits.\n")
                elif outcome < 0.92:
                    w(f"WITHDRAWN - {current}- {title}\n")
                elif outcome < 0.96:
                    w(f"{current} is postponed to the next meeting.\n")
                else:
                    w(f"Dispensation to be handled in TP - {current}- {title}\n")
            done += count
    section += 1
    w(f"{section}\nPlanning for Next Meeting(s)\nTeleconference\n\n")
    for k in range(1, 4):
        w(f"•\nSEC#{documents}.{k}:      June {k * 7}, 2015, UTC 13:00-15:00\n\n")
    w("Face to Face\n\n· TP18 – Philadelphia, United States – July 2015\n")
    section += 1
    w(f"{section}\nAny other business\nAction items were reviewed and updated during the meeting:\n")
    w("\tREFERENCE\n\tWHAT\n\tWHO\n\tSTATUS\n\n")
    for k in range(1, 4):
        w(f"\tA-WG4-TP16-00{k}\n\tCheck applicability of existing requirements in TS-0002\n\tAll WI Rapporteurs\n\tOpen\n\n")
    w("\n")
    section += 1
    w(f"{section}\nClosure of meeting\n\nMeeting ended on 22 May 2015.\n")
    return "".join(out)


def load_sample_builder():
    path = Path(__file__).resolve().parent.parent / "make_sample_docx.py"
    spec = importlib.util.spec_from_file_location("make_sample_docx", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    outdir = Path(args.pop(0))
    docx = "--docx" in args
    sizes = [int(a) for a in args if a != "--docx"]
    outdir.mkdir(parents=True, exist_ok=True)
    builder = load_sample_builder() if docx else None
    for n in sizes:
        stem = f"minutes-{n}"
        text_path = outdir / f"{stem}.txt"
        text_path.write_text(generate(n), encoding="utf-8")
        line = f"{text_path}: {text_path.stat().st_size} bytes"
        if builder:
            builder.CHECKBOX_KIND[stem] = ("w14", "Decision")
            blocks = builder.parse(builder.read_text(text_path))
            builder.check_heading_numbers(blocks)
            docx_path = outdir / f"{stem}.docx"
            builder.build(stem, blocks).save(str(docx_path))
            line += f"; {docx_path}: {docx_path.stat().st_size} bytes"
        print(line)


if __name__ == "__main__":
    main()
