#!/usr/bin/env bash
# Import throughput on saved HTML pages: N (default 1000) copies of a fictional series page
# (tests/fixtures/html/series-2024.html), each with its own title, canonical URL and node,
# imported into an empty corpus with the bundled gazetteer, RUNS (default 3) times.
# Prints each run's wall time and pages per second. Build first: cargo build --release.
#
#   bash benches/import-html.sh [path/to/spotlight]
set -euo pipefail
bin=${1:-target/release/spotlight}
n=${N:-1000}
runs=${RUNS:-3}
page=tests/fixtures/html/series-2024.html
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for i in $(seq 1 "$n"); do
  sed -e "s/fictional-facade-group-claims-imaginary-drone-strike/fictional-facade-group-$i/" \
      -e "s|/node/91204|/node/$((100000 + i))|" \
      -e "s/Facade Group Claims an Imaginary Drone Strike/Facade Group Claims Imaginary Strike No. $i/g" \
      "$page" > "$work/pages/page-$i.html"
done
for run in $(seq 1 "$runs"); do
  rm -rf "$work/corpus"; mkdir -p "$work/corpus"
  cp data/actors.json "$work/corpus/"
  start=$(date +%s.%N)
  XDG_CACHE_HOME="$work/cache" "$bin" import --data "$work/corpus" "$work/pages" > /dev/null 2> "$work/err" || { cat "$work/err"; exit 1; }
  end=$(date +%s.%N)
  pieces=$(ls "$work/corpus/pieces" | wc -l)
  awk -v s="$start" -v e="$end" -v n="$n" -v p="$pieces" -v r="$run" \
    'BEGIN { t = e - s; printf "run %d: %d pages -> %d pieces in %.2f s, %.0f pages/s\n", r, n, p, t, n / t }'
done
