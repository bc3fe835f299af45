#!/usr/bin/env bash
# Whole-process comparison: `spotlight search --plain` against `fzf --filter` on the same quote
# texts, for fictional corpora of about 100k and 1M quotes. Medians over repeated runs (hyperfine).
#
#   bash benches/fzf-compare.sh            # 100k and 1M quotes
#   SIZES=100000 bash benches/fzf-compare.sh
#
# Installs fzf and hyperfine from Debian's packages when they are missing. Writes the corpora
# under ${WORK:-/tmp/spotlight-fzf}. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v fzf >/dev/null 2>&1 || need+=(fzf)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q </dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}" </dev/null
fi

cargo build --release -q
bin="$PWD/target/release/spotlight"
work="${WORK:-/tmp/spotlight-fzf}"
mkdir -p "$work"

# The query mix of the search benchmark: one character, one word, three words, a misspelled
# name, an actor name as text, a date-like word. fzf has no fields, so both get plain text.
queries=("p" "patience" "patience limits response" "notrealuly" "al-notrealuli" "desert")

for size in ${SIZES:-100000 1000000}; do
  dir="$work/corpus-$size"
  if [ ! -d "$dir/pieces" ]; then
    "$bin" synth --pieces $((size / 21)) --quotes-per-piece 20 --seed 42 --out "$dir" >/dev/null
  fi
  lines="$work/quotes-$size.txt"
  "$bin" search --data "$dir" --plain --limit 0 "kind:statement" >"$lines" || true
  echo "== ~$size quotes: $(wc -l <"$lines") lines, $(du -sh "$dir" | cut -f1) of saved pages"
  for q in "${queries[@]}"; do
    hyperfine -i --warmup 1 --runs "${RUNS:-5}" --style none --export-json "$work/h.json" \
      -n spotlight "$bin search --data '$dir' --plain --limit 0 '$q' >/dev/null" \
      -n fzf "fzf --filter '$q' <'$lines' >/dev/null" >/dev/null
    python3 - "$work/h.json" "$q" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
s, f = runs["spotlight"]["median"], runs["fzf"]["median"]
print(f"  {sys.argv[2]!r:32} spotlight {s*1000:8.1f} ms   fzf {f*1000:8.1f} ms   ratio {s/f:5.2f}x")
PY
  done
  /usr/bin/time -f "  resident memory: spotlight %M KB" "$bin" search --data "$dir" --plain --limit 0 patience >/dev/null
  /usr/bin/time -f "  resident memory: fzf       %M KB" fzf --filter patience <"$lines" >/dev/null
done
