#!/usr/bin/env bash
# Runs every .docx of the shared reading corpus (read-only; never copied into the project)
# through `minutes flow` with the release binary, each bounded by `timeout`, and counts
# exit codes: 0 read, 1 refused with a message, 101 panic, 124 timeout, anything else
# (a signal: stack overflow, abort) is a crash.
#
#   scripts/corpus-smoke.sh [CORPUS_DIR] [SECONDS]
#
# Defaults: ../shared/corpus/docx beside the project, 5 seconds per file. Prints one line
# per file that did not exit 0, then `N passed, M failed` (failed = exit 1, the files
# refused cleanly) and the panics/timeouts/crashes; exits non-zero if there is any panic,
# timeout or crash. MINUTES_BIN overrides the binary; otherwise it is built with
# `cargo build --release -p minutes-cli`.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/docx}
limit=${2:-5}
if [ ! -d "$corpus" ]; then
    echo "corpus-smoke: no corpus at $corpus" >&2
    exit 2
fi
bin=${MINUTES_BIN:-}
if [ -z "$bin" ]; then
    (cd "$root" && cargo build --release --quiet -p minutes-cli) || exit 2
    bin=$root/target/release/minutes
fi
passed=0 failed=0 panics=0 timeouts=0 crashes=0 slowest=0 slowest_file=
while IFS= read -r -d '' file; do
    start=$(date +%s%N)
    timeout --kill-after=2 "$limit" "$bin" flow "$file" >/dev/null 2>/tmp/corpus-smoke.$$.err
    code=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$ms" -gt "$slowest" ]; then slowest=$ms slowest_file=$file; fi
    name=${file#"$corpus"/}
    case $code in
        0) passed=$((passed + 1)) ;;
        1) failed=$((failed + 1))
           echo "refused  $name: $(head -c 300 /tmp/corpus-smoke.$$.err | tr '\n' ' ')" ;;
        101) panics=$((panics + 1))
           echo "PANIC    $name: $(grep -m1 -A1 'panicked' /tmp/corpus-smoke.$$.err | tr '\n' ' ')" ;;
        124|137) timeouts=$((timeouts + 1))
           echo "TIMEOUT  $name (> ${limit}s)" ;;
        *) crashes=$((crashes + 1))
           echo "CRASH    $name: exit $code $(head -c 300 /tmp/corpus-smoke.$$.err | tr '\n' ' ')" ;;
    esac
done < <(find "$corpus" -type f -iname '*.docx' -print0 | sort -z)
rm -f /tmp/corpus-smoke.$$.err
echo "slowest: ${slowest} ms ${slowest_file#"$corpus"/}"
echo "$passed passed, $failed failed, $panics panics, $timeouts timeouts, $crashes crashes"
[ $((panics + timeouts + crashes)) -eq 0 ]
