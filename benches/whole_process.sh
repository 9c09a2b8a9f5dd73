#!/usr/bin/env bash
# Whole-process speed of `validate --format json`: wall time and peak memory, median of RUNS runs,
# on synthetic registers of about 1 MB, 50 MB and 280 MB (`cargo run --release --example synth`).
#
#   bash benches/whole_process.sh [BASELINE_VALIDATE_BINARY]
#
# With a baseline binary (for example target/release/examples/validate built at another commit),
# each size runs the two alternately, so that both see the same machine, and prints both medians
# and their ratio. RUNS (default 5) and SIZES (default "350 18000 100000" activities) can be set in
# the environment. Exit status 1 from validate is expected: the synthetic registers have findings.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=${SIZES:-"350 18000 100000"}
baseline=${1:-}
dir=${TMPDIR:-/tmp}/ropa-whole-process
mkdir -p "$dir"
cargo build --quiet --release --example validate --example synth
current=target/release/examples/validate

# One run: "seconds kilobytes cpu-seconds": wall time to the millisecond, peak memory, and the
# process's user plus system CPU time, which other load on a shared machine disturbs less.
measure() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M %U %S" -o "$dir/time" "$1" --format json --as-of 2026-11-22 "$2" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$dir/time")" |
        awk '{ printf "%.3f %s %.2f\n", $1 / 1000, $2, $3 + $4 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '| activities | MB | current s (CPU s) | current MB peak |%s\n' "${baseline:+ baseline s (CPU s) | baseline MB peak | wall ratio | CPU ratio |}"
printf '|---:|---:|---:|---:|%s\n' "${baseline:+---:|---:|---:|---:|}"
for n in $sizes; do
    file="$dir/synth-$n.json"
    [ -s "$file" ] || target/release/examples/synth --activities "$n" > "$file"
    : > "$dir/current" ; : > "$dir/baseline"
    for _ in $(seq "$runs"); do
        measure "$current" "$file" >> "$dir/current"
        [ -z "$baseline" ] || measure "$baseline" "$file" >> "$dir/baseline"
    done
    mb=$(du -m "$file" | cut -f1)
    cs=$(cut -d' ' -f1 "$dir/current" | median)
    cm=$(cut -d' ' -f2 "$dir/current" | median)
    cc=$(cut -d' ' -f3 "$dir/current" | median)
    if [ -n "$baseline" ]; then
        bs=$(cut -d' ' -f1 "$dir/baseline" | median)
        bm=$(cut -d' ' -f2 "$dir/baseline" | median)
        bc=$(cut -d' ' -f3 "$dir/baseline" | median)
        printf '| %s | %s | %s (%s) | %s | %s (%s) | %s | %s | %s |\n' "$n" "$mb" "$cs" "$cc" "$((cm / 1024))" \
            "$bs" "$bc" "$((bm / 1024))" \
            "$(awk -v a="$cs" -v b="$bs" 'BEGIN { printf "%.2f", a / b }')" \
            "$(awk -v a="$cc" -v b="$bc" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 1 }')"
    else
        printf '| %s | %s | %s (%s) | %s |\n' "$n" "$mb" "$cs" "$cc" "$((cm / 1024))"
    fi
done
