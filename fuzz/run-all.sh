#!/usr/bin/env bash
# Runs fuzz targets one after the other, each for SECONDS (default 600), niced, one job,
# keeping each target's libFuzzer log in fuzz/logs/<target>.log. Usage:
#   fuzz/run-all.sh [SECONDS] [TARGET...]      (default: all five targets)
# Works on the stable toolchain through RUSTC_BOOTSTRAP=1 (cargo-fuzz needs -Z flags).
set -u
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(read_text recognise read_docx read_doc roundtrip read_html)
[ -d corpus ] || python3 seed-corpus.py
mkdir -p logs
export RUSTC_BOOTSTRAP=1
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    rm -f fuzz-0.log
    start=$(date +%s)
    touch "logs/$target.start"
    dict=()
    [ -f "$target.dict" ] && dict=(-dict="$target.dict")
    nice -n 10 cargo fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -jobs=1 -rss_limit_mb=4096 -timeout=10 "${dict[@]}" \
        >"logs/$target.cargo.log" 2>&1
    [ -f fuzz-0.log ] && mv fuzz-0.log "logs/$target.log"
    end=$(date +%s)
    execs=$(grep -o '^#[0-9][0-9]*' "logs/$target.log" 2>/dev/null | tail -1 | tr -d '#')
    # Only this run's findings: earlier ones stay in artifacts/ (and in the regressions).
    crashes=$(find "artifacts/$target" -type f -newer "logs/$target.start" 2>/dev/null | wc -l)
    echo "$target: $(( (end - start) / 60 )) min, ${execs:-0} execs, $crashes new artifacts"
done
