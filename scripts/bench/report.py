#!/usr/bin/env python3
"""Print the benchmark tables and the target checks from the results of scripts/bench.sh.

Usage: python3 scripts/bench/report.py RESULTS_DIR JOBS
"""
import csv
import json
import sys
from pathlib import Path


def table(header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "| " + " | ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(r, widths))) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print()


def main():
    results = Path(sys.argv[1])
    jobs = sys.argv[2] if len(sys.argv) > 2 else "2"
    checks = []
    pandoc_pro = None
    convert_means = {}

    # 1. Stages in-process.
    stages = list(csv.DictReader(open(results / "stages.tsv"), delimiter="\t"))
    print("### Stages, in-process (median ms per run)\n")
    rows = []
    for s in stages:
        floor, floor_all = s["floor_ms"], s["floor_all_ms"]
        ratio = f"{float(s['read_ms']) / float(floor):.1f}x" if floor != "-" else "-"
        ratio_all = f"{float(s['read_ms']) / float(floor_all):.1f}x" if floor_all != "-" else "-"
        read_mbs = int(s["bytes"]) / 1e6 / (float(s["read_ms"]) / 1e3)
        rows.append([s["file"], f"{int(s['bytes']) / 1024:.0f} KiB", s["dispositions"], s["read_ms"], f"{read_mbs:.1f}", floor, ratio,
                     floor_all, ratio_all, s["recognise_ms"], s["write_ms"], s["convert_ms"], s["convert_MB_s"]])
    table(["file", "size", "disp.", "read", "read MB/s", "floor (document.xml)", "read/floor", "floor (+styles, numbering)",
           "read/floor2", "recognise", "write DOCX", "convert", "convert MB/s"], rows)
    by_name = {s["file"]: s for s in stages}

    # 2. Commands.
    print("### Commands, hyperfine (mean ms, ± σ)\n")
    rows = []
    for line in open(results / "cmd-sizes.txt"):
        name, size = line.split()
        data = {}
        for part in (f"cmd-{name}.json", f"cmd-{name}.pandoc.json"):
            if (results / part).exists():
                data.update({r["command"]: r for r in json.load(open(results / part))["results"]})
        mean = lambda k: data[k]["mean"] * 1000
        cell = lambda k: f"{mean(k):.1f} ± {data[k]['stddev'] * 1000:.1f}" if data[k].get("stddev") is not None else f"{mean(k):.1f}"
        ratio = mean("pandoc_docx") / mean("minutes_convert")
        convert_means[name] = mean("minutes_convert")
        rows.append([f"{name}.docx", f"{int(size) / 1024:.0f} KiB", cell("minutes_convert"), cell("minutes_read"), cell("pandoc_docx"),
                     cell("pandoc_plain"), cell("floor"), f"{ratio:.0f}x", f"{mean('minutes_read') / mean('floor'):.1f}x"])
        if name == "pro-38-f2f":
            pandoc_pro = mean("pandoc_docx")
            checks.append(("one draft DOCX -> official DOCX >= 50x faster than pandoc docx->docx (pro-38-f2f.docx, process)",
                           ratio >= 50, f"{ratio:.0f}x ({mean('minutes_convert'):.1f} ms vs {mean('pandoc_docx'):.0f} ms)"))
            if "minutes_convert_dynamic" in data:
                r = mean("pandoc_docx") / mean("minutes_convert_dynamic")
                checks.append(("  same, the dynamically linked `cargo build --release` binary (context)", r >= 50,
                               f"{r:.0f}x ({mean('minutes_convert_dynamic'):.1f} ms)"))
    table(["file", "size", "minutes convert", "minutes dispositions", "pandoc docx->docx", "pandoc docx->plain",
           "unzip+tokenise", "pandoc/convert", "dispositions/floor"], rows)

    # 2b. CPU time, interleaved rounds.
    cpu_checks = []
    if (results / "cpu.tsv").exists():
        cpu = {}
        for line in open(results / "cpu.tsv"):
            name, rnd, label, ms = line.rstrip("\n").split("\t")
            cpu.setdefault(name, {}).setdefault(rnd, {})[label] = float(ms)
        median = lambda xs: sorted(xs)[len(xs) // 2]
        print("### CPU time per command (perf stat, median of interleaved rounds, ms)\n")
        rows = []
        for name, rounds in cpu.items():
            col = lambda k: median([r[k] for r in rounds.values() if k in r])
            ratio = lambda a, b: median([r[a] / r[b] for r in rounds.values() if a in r and b in r])
            convert_ratio = ratio("pandoc_docx", "minutes_convert")
            flow_ratio = ratio("minutes_flow", "floor")
            dynamic = f"{col('convert_dynamic'):.2f}" if any("convert_dynamic" in r for r in rounds.values()) else "-"
            rows.append([f"{name}.docx", len(rounds), f"{col('version'):.2f}", f"{col('minutes_convert'):.2f}", dynamic,
                         f"{col('minutes_flow'):.2f}", f"{col('floor'):.2f}", f"{col('pandoc_docx'):.1f}",
                         f"{convert_ratio:.0f}x", f"{flow_ratio:.2f}x"])
            cpu_checks.append((f"one draft DOCX -> official DOCX >= 50x faster than pandoc docx->docx ({name}.docx, CPU time of the commands)",
                               convert_ratio >= 50, f"{convert_ratio:.0f}x ({col('minutes_convert'):.2f} ms vs {col('pandoc_docx'):.0f} ms)"))
            cpu_checks.append((f"read path within 3x of the unzip + tokenise floor ({name}.docx, `minutes flow` vs `unzip -p | tokenise`, CPU time)",
                               flow_ratio <= 3, f"{flow_ratio:.2f}x"))
        table(["file", "rounds", "minutes --version", "minutes convert", "convert (dynamic)", "minutes flow", "unzip+tokenise", "pandoc docx->docx",
               "pandoc/convert", "flow/floor"], rows)
    checks.extend(cpu_checks)

    # 3. Memory.
    print("### Peak memory (max RSS, MiB)\n")
    rss = [line.rstrip("\n").split("\t") for line in open(results / "rss.tsv")]
    table(["command", "max RSS"], [[k, f"{int(v) / 1024:.1f}"] for k, v in rss])
    rss_map = {k: int(v) / 1024 for k, v in rss}

    # 4. Batch.
    print("### Batch\n")
    count = int(open(results / "batch-count.txt").read())
    ok = open(results / "batch-ok.txt").read().strip()
    mbytes = int(open(results / "batch-bytes.txt").read()) / 1e6
    data = {r["command"]: r for r in json.load(open(results / "batch.json"))["results"]}
    t1, t2 = data["jobs_1"]["mean"], data["jobs_2"]["mean"]
    table(["run", "drafts", "MB", "mean s", "min s", "drafts/s"], [
        ["--jobs 1", count, f"{mbytes:.1f}", f"{t1:.2f}", f"{data['jobs_1']['min']:.2f}", f"{count / t1:.0f}"],
        [f"--jobs {jobs}", count, f"{mbytes:.1f}", f"{t2:.2f}", f"{data['jobs_2']['min']:.2f}", f"{count / t2:.0f}"],
    ])
    print(f"drafts converted ok in the last run: {ok} of {count}; speed-up 1 -> {jobs} jobs: {t1 / t2:.2f}x\n")
    cpu_rows = []
    for line in open(results / "batch-cpu.tsv"):
        j, real, user, system, rss = line.split()
        cpu = float(user) + float(system)
        cpu_rows.append([f"--jobs {j}", real, user, system, f"{cpu:.2f}", f"{cpu / count * 1000:.1f}", f"{int(rss) / 1024:.1f}"])
    table(["run (GNU time)", "wall s", "user s", "sys s", "CPU s", "CPU ms/draft", "max RSS MiB"], cpu_rows)
    for name in ("load-start.txt", "load.txt"):
        if (results / name).exists():
            print(f"load ({name[:-4]}): {open(results / name).read().strip()}")
    print()

    # Targets.
    pro = by_name.get("pro-38-f2f.docx")
    if pro and pandoc_pro:
        r = pandoc_pro / float(pro["convert_ms"])
        checks.append(("  same, minutes in-process (no process start-up) against the pandoc command (context)", r >= 50, f"{r:.0f}x"))
    if pro:
        r = float(pro["read_ms"]) / float(pro["floor_ms"])
        checks.append(("read path (DOCX -> Flow) within 3x of unzip + tokenise document.xml (pro-38-f2f.docx, in-process)", r <= 3, f"{r:.1f}x"))
        r2 = float(pro["read_ms"]) / float(pro["floor_all_ms"])
        checks.append(("  same, floor including styles.xml and numbering.xml (not a target; context)", r2 <= 3, f"{r2:.1f}x"))
    for name in ("minutes-1000.docx", "minutes-10000.docx"):
        g = by_name.get(name)
        if g:
            r = float(g["read_ms"]) / float(g["floor_ms"])
            checks.append((f"read path within 3x of the floor, {name}, in-process", r <= 3, f"{r:.2f}x"))
    if "minutes-10000" in convert_means and "minutes-1000" in convert_means:
        r = convert_means["minutes-10000"] / convert_means["minutes-1000"]
        checks.append(("cost linear: 10,000-document minutes <= 11x the 1,000 one (`minutes convert`, DOCX, hyperfine means)", r <= 11,
                       f"{r:.1f}x ({convert_means['minutes-10000']:.0f} vs {convert_means['minutes-1000']:.1f} ms)"))
    if (results / "cmd-text.json").exists():
        text = {r["command"]: r["mean"] * 1000 for r in json.load(open(results / "cmd-text.json"))["results"]}
        if "minutes-1000" in text and "minutes-10000" in text:
            r = text["minutes-10000"] / text["minutes-1000"]
            checks.append(("cost linear: same, text drafts (`minutes convert`, hyperfine means)", r <= 11,
                           f"{r:.1f}x ({text['minutes-10000']:.0f} vs {text['minutes-1000']:.1f} ms)"))
    big, small = by_name.get("minutes-10000.docx"), by_name.get("minutes-1000.docx")
    if big and small:
        r = float(big["convert_ms"]) / float(small["convert_ms"])
        checks.append(("cost linear: same, in-process (DOCX convert)", r <= 11, f"{r:.1f}x"))
        for stage in ("read_ms", "recognise_ms", "write_ms"):
            r = float(big[stage]) / float(small[stage])
            checks.append((f"  {stage[:-3]} alone, DOCX (context)", r <= 11, f"{r:.1f}x"))
        bt, st = by_name.get("minutes-10000.txt"), by_name.get("minutes-1000.txt")
        if bt and st:
            r = float(bt["convert_ms"]) / float(st["convert_ms"])
            checks.append(("cost linear: same, in-process, text drafts", r <= 11, f"{r:.1f}x"))
    if count == 1000:
        checks.append((f"1,000 drafts in under 10 s on {jobs} jobs", t2 < 10, f"{t2:.2f} s"))
    checks.append((f"speed-up 1 -> {jobs} jobs >= 1.7x (hyperfine means)", t1 / t2 >= 1.7, f"{t1 / t2:.2f}x"))
    walls = {}
    for line in open(results / "batch-cpu.tsv"):
        j, wall = line.split()[:2]
        walls.setdefault(j, []).append(float(wall))
    if "1" in walls and jobs in walls:
        w1, w2 = (sorted(w)[len(w) // 2] for w in (walls["1"], walls[jobs]))
        checks.append((f"  same, GNU time runs (median of {len(walls[jobs])})", w1 / w2 >= 1.7, f"{w1 / w2:.2f}x"))
    one = rss_map.get("minutes convert pro-38-f2f.docx")
    if one is not None:
        checks.append(("peak memory < 30 MB for one typical draft (pro-38-f2f.docx)", one < 30, f"{one:.1f} MiB"))
    batch_rss = [(k, v) for k, v in rss_map.items() if k.startswith("batch ")]
    if len(batch_rss) == 2:
        (k1, v1), (k2, v2) = batch_rss
        checks.append(("batch memory flat (10x the drafts)", v2 <= v1 * 1.25 + 2, f"{v1:.1f} -> {v2:.1f} MiB"))

    print("### Targets\n")
    table(["target", "met", "measured"], [[t, "yes" if m else "NO", v] for t, m, v in checks])


if __name__ == "__main__":
    main()
