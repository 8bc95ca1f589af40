#!/usr/bin/env bash
# Benchmark of `minutes` against pandoc and the unzip + quick-xml floor; prints the tables of
# docs/performance.md and checks the targets of the issue.
#
# Usage: scripts/bench.sh            (all of it: about 5 minutes on 2 cores once the inputs exist)
#        BENCH_SIZES="10 100 1000" BENCH_BATCH=200 scripts/bench.sh     (a quicker run)
#
# Needs: cargo, python3 with python-docx (pip install python-docx), pandoc, hyperfine, unzip,
# GNU time (apt-get install -y pandoc hyperfine unzip time); perf (linux-perf) for the CPU-time
# rounds, which are skipped without it.
# Work files go to target/bench/ (BENCH_DIR); generated drafts are kept between runs and
# regenerated when scripts/bench/generate.py changes.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${BENCH_DIR:-target/bench}
SIZES=${BENCH_SIZES:-"10 100 1000 10000"}
BATCH=${BENCH_BATCH:-1000}
JOBS=${BENCH_JOBS:-2}

missing=()
for tool in pandoc hyperfine unzip python3 cargo; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -x /usr/bin/time ] || missing+=("time (GNU, /usr/bin/time)")
python3 -c 'import docx' 2>/dev/null || missing+=("python-docx (pip install python-docx)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: missing: ${missing[*]}" >&2
    echo "bench: apt-get install -y pandoc hyperfine unzip time; pip install python-docx" >&2
    exit 1
fi

echo "== build (release, and the shipped binary of scripts/dist.sh)" >&2
cargo build --release --quiet -p minutes-cli -p minutes-bench
# The commands are timed with the binary as shipped (statically linked on Linux with glibc);
# the plain `cargo build --release` one, dynamically linked, is timed beside it on one draft.
MINUTES=$(scripts/dist.sh --quiet)
MINUTES_DYNAMIC=$PWD/target/release/minutes
BENCH=$PWD/target/release/minutes-bench

mkdir -p "$WORK/inputs" "$WORK/out" "$WORK/results"
WORK=$(cd "$WORK" && pwd)
INPUTS=$WORK/inputs
RESULTS=$WORK/results
rm -f "$RESULTS"/*
uptime > "$RESULTS/load-start.txt"

echo "== inputs: generated minutes of $SIZES documents discussed" >&2
for n in $SIZES; do
    if [ ! -f "$INPUTS/minutes-$n.docx" ] || [ scripts/bench/generate.py -nt "$INPUTS/minutes-$n.docx" ] \
        || [ scripts/make_sample_docx.py -nt "$INPUTS/minutes-$n.docx" ]; then
        python3 scripts/bench/generate.py "$INPUTS" --docx "$n" >&2
    fi
done
SAMPLES_DOCX=(samples/docx/*.docx)
SAMPLES_TXT=(samples/*.txt)
GEN_DOCX=() GEN_TXT=()
for n in $SIZES; do
    GEN_DOCX+=("$INPUTS/minutes-$n.docx")
    GEN_TXT+=("$INPUTS/minutes-$n.txt")
done

echo "== stages, in-process (median of repeated runs)" >&2
"$BENCH" stages "${SAMPLES_DOCX[@]}" "${SAMPLES_TXT[@]}" "${GEN_DOCX[@]}" "${GEN_TXT[@]}" \
    > "$RESULTS/stages.tsv"

# A Word 97–2003 .doc against its DOCX form (LibreOffice's conversion): reading in-process,
# median of repeated runs; the target is at most 3 times the DOCX reader's time.
SA2=../shared/real/3gpp/sa2-132-report/S2_132_Draft_Rep_v002
if [ -f "$SA2.doc" ] && [ -f "$SA2.docx" ]; then
    echo "== .doc against its .docx form (SA2#132 report), in-process" >&2
    "$BENCH" stages "$SA2.doc" "$SA2.docx" > "$RESULTS/doc-stages.tsv"
    awk -F'\t' 'NR == 2 { doc = $5 } NR == 3 { docx = $5 }
        END { printf "read: .doc %s ms, .docx %s ms, ratio %.2f (target <= 3)\n", doc, docx, doc / docx }' \
        "$RESULTS/doc-stages.tsv" | tee "$RESULTS/doc-ratio.txt" >&2
fi

echo "== commands, hyperfine: minutes convert vs pandoc vs unzip | tokenise" >&2
# One representative sample and every generated size. pandoc on the largest file takes
# seconds: fewer runs there.
for f in samples/docx/pro-38-f2f.docx "${GEN_DOCX[@]}"; do
    name=$(basename "$f" .docx)
    size=$(stat -c %s "$f")
    # pandoc on the large files takes seconds a run: fewer runs there, in a hyperfine of
    # its own, so that the quick commands still get at least 10.
    runs=(--warmup 2 --min-runs 10)
    pandoc_runs=("${runs[@]}")
    [ "$name" = minutes-1000 ] && pandoc_runs=(--warmup 1 --min-runs 5)
    [ "$name" = minutes-10000 ] && pandoc_runs=(--runs 2)
    dynamic=()
    [ "$name" = pro-38-f2f ] && dynamic=(-n minutes_convert_dynamic "$MINUTES_DYNAMIC convert --quiet $f -o $WORK/out/$name.dynamic.docx")
    # Each run writes a new file: the previous run's outputs are deleted first, untimed, for
    # every command alike. Replacing a file frees the old one's blocks inside the replacing
    # process, and on an ext4 mounted with `discard` (this VM's) that is about 0.6 ms of
    # waiting for the device: the file system's cost, a sixth of a whole conversion.
    out=$WORK/out/$name
    hyperfine -N "${runs[@]}" --style none --ignore-failure --export-json "$RESULTS/cmd-$name.json" \
        --prepare "rm -f $out.minutes.docx $out.dynamic.docx $out.csv" \
        -n minutes_convert "$MINUTES convert --quiet $f -o $out.minutes.docx" \
        "${dynamic[@]}" \
        -n minutes_read "$MINUTES dispositions --quiet $f -o $out.csv" \
        -n floor "sh -c 'unzip -p $f word/document.xml | $BENCH tokenise'" >/dev/null
    hyperfine -N "${pandoc_runs[@]}" --style none --ignore-failure --export-json "$RESULTS/cmd-$name.pandoc.json" \
        --prepare "rm -f $out.pandoc.docx $out.pandoc.txt" \
        -n pandoc_docx "pandoc $f -o $out.pandoc.docx" \
        -n pandoc_plain "pandoc $f -t plain -o $out.pandoc.txt" >/dev/null
    echo "$name $size" >> "$RESULTS/cmd-sizes.txt"
done

# The text drafts through the command, for the linear-cost target.
if [ -f "$INPUTS/minutes-1000.txt" ] && [ -f "$INPUTS/minutes-10000.txt" ]; then
    out=$WORK/out/text
    hyperfine -N --warmup 2 --min-runs 10 --style none --ignore-failure --export-json "$RESULTS/cmd-text.json" \
        --prepare "rm -f $out-1000.minutes.docx $out-10000.minutes.docx" \
        -n minutes-1000 "$MINUTES convert --quiet $INPUTS/minutes-1000.txt -o $out-1000.minutes.docx" \
        -n minutes-10000 "$MINUTES convert --quiet $INPUTS/minutes-10000.txt -o $out-10000.minutes.docx" >/dev/null
fi

echo "== CPU time, interleaved rounds (perf stat)" >&2
# CPU time (user + system, all threads and child processes) is steadier than wall time on
# a shared machine, and interleaving the commands round by round exposes them to the same
# load: the ratios are taken within each round, then their median.
if command -v perf >/dev/null && perf stat -x, -e task-clock true 2>/dev/null; then
    cpu() { # file, round, label, repeats, command...
        local file=$1 round=$2 label=$3 repeats=$4
        shift 4
        local ms
        ms=$(perf stat -x, -r "$repeats" -e task-clock "$@" 2>&1 >/dev/null | tail -1 | cut -d, -f1)
        printf '%s\t%s\t%s\t%s\n' "$file" "$round" "$label" "$ms" >> "$RESULTS/cpu.tsv"
    }
    for f in samples/docx/pro-38-f2f.docx "$INPUTS/minutes-1000.docx"; do
        [ -f "$f" ] || continue
        name=$(basename "$f" .docx)
        for round in $(seq "${BENCH_ROUNDS:-5}"); do
            cpu "$name" "$round" version 30 "$MINUTES" --version
            cpu "$name" "$round" minutes_convert 30 "$MINUTES" convert --quiet "$f" -o "$WORK/out/$name.minutes.docx"
            cpu "$name" "$round" convert_dynamic 30 "$MINUTES_DYNAMIC" convert --quiet "$f" -o "$WORK/out/$name.dynamic.docx"
            cpu "$name" "$round" minutes_flow 30 "$MINUTES" flow "$f"
            cpu "$name" "$round" floor 30 sh -c "unzip -p $f word/document.xml | $BENCH tokenise"
            cpu "$name" "$round" pandoc_docx 3 pandoc "$f" -o "$WORK/out/$name.pandoc.docx"
        done
    done
else
    echo "bench: perf is not available (apt-get install -y linux-perf): no CPU-time rounds" >&2
fi

echo "== peak memory (GNU time, max RSS)" >&2
peak() { # label, command...
    local label=$1
    shift
    /usr/bin/time -f "%M" -o "$RESULTS/rss.tmp" "$@" >/dev/null 2>&1 || true
    echo "$label	$(tail -1 "$RESULTS/rss.tmp")" >> "$RESULTS/rss.tsv"
}
for f in samples/docx/pro-38-f2f.docx "${GEN_DOCX[@]}"; do
    name=$(basename "$f" .docx)
    peak "minutes convert $name.docx" "$MINUTES" convert --quiet "$f" -o "$WORK/out/$name.minutes.docx"
    peak "pandoc docx->docx $name.docx" pandoc "$f" -o "$WORK/out/$name.pandoc.docx"
done

echo "== batch of $BATCH drafts" >&2
# A tree of BATCH drafts in 20 directories: the bundled samples (DOCX and text) and the
# generated minutes of 10 and 100 documents, in turn.
TREE=$WORK/batch-in
POOL=("${SAMPLES_DOCX[@]}" "${SAMPLES_TXT[@]}")
for n in 10 100; do
    [ -f "$INPUTS/minutes-$n.docx" ] && POOL+=("$INPUTS/minutes-$n.docx" "$INPUTS/minutes-$n.txt")
done
make_tree() { # count, dir
    rm -rf "$2"
    local i=0
    while [ "$i" -lt "$1" ]; do
        local src=${POOL[$((i % ${#POOL[@]}))]}
        local dir=$2/wg$((i % 20))
        mkdir -p "$dir"
        local base
        base=$(basename "$src")
        cp "$src" "$dir/d$i-$base"
        i=$((i + 1))
    done
}
make_tree "$BATCH" "$TREE"
make_tree $((BATCH / 10)) "$TREE-small"
du -sb "$TREE" | cut -f1 > "$RESULTS/batch-bytes.txt"
# Each run writes into a fresh directory, the previous one moved aside and deleted at the
# end: on ext4 without a journal (as on the development VM), the inode allocator skips
# inodes deleted in the last 30 s one by one, and deleting the 2,000 outputs of the
# previous run made the next run spend most of its system time there (more so with two
# jobs allocating at once): a property of the benchmark's clean-up, not of `minutes`.
aside() { [ ! -e "$1" ] || mv "$1" "$(mktemp -u "$WORK/old.XXXXXX")"; }
hyperfine -N --warmup 1 --runs 5 --style none --ignore-failure --export-json "$RESULTS/batch.json" \
    --prepare "sh -c '[ ! -e $WORK/batch-out ] || mv $WORK/batch-out \$(mktemp -u $WORK/old.XXXXXX)'" \
    -n jobs_1 "$MINUTES batch $TREE -o $WORK/batch-out --jobs 1 --quiet" \
    -n jobs_2 "$MINUTES batch $TREE -o $WORK/batch-out --jobs $JOBS --quiet" >/dev/null
aside "$WORK/batch-out"
peak "batch $((BATCH / 10)) drafts --jobs $JOBS" "$MINUTES" batch "$TREE-small" -o "$WORK/batch-out-small" --jobs "$JOBS" --quiet
peak "batch $BATCH drafts --jobs $JOBS" "$MINUTES" batch "$TREE" -o "$WORK/batch-out" --jobs "$JOBS" --quiet
grep -c ',ok,' "$WORK/batch-out/report.csv" > "$RESULTS/batch-ok.txt" || true
# CPU time (user + system) of each job count: unlike wall time, it does not depend on what
# else the machine is doing. Three rounds, the job counts in turn; the report takes medians.
for round in 1 2 3; do
    for j in 1 "$JOBS"; do
        aside "$WORK/batch-out"
        /usr/bin/time -f "$j	%e	%U	%S	%M" -a -o "$RESULTS/batch-cpu.tsv" \
            "$MINUTES" batch "$TREE" -o "$WORK/batch-out" --jobs "$j" --quiet 2>/dev/null || true
    done
done
uptime > "$RESULTS/load.txt"
rm -rf "$WORK"/old.*
echo "$BATCH" > "$RESULTS/batch-count.txt"

python3 scripts/bench/report.py "$RESULTS" "$JOBS"
