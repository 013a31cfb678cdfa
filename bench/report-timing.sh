#!/usr/bin/env bash
# Whole-process timing of `kinerja report` on the Banjar LKjIP (issue 13: .docx under 1 s, PDF under 5 s warm).
# Builds the CLI once, runs one warm-up of each, then N timed runs, and prints each time and the median.
# The draft is timed: Banjar's final is refused while its budget has errors, and the draft does the same work
# (checks, engine, layout) plus its checklist page.
#   bench/report-timing.sh [N=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/Kinerja.Cli -c Release --nologo -v q >/dev/null
kinerja=src/Kinerja.Cli/bin/Release/net10.0/kinerja
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
time_one() { # extension
  local start end
  start=$(date +%s.%N)
  "$kinerja" report lkjip samples/banjar-2025.json --out "$out/banjar.$1" --draft --force >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
for ext in docx pdf; do
  time_one "$ext" >/dev/null # warm-up: disk cache, JIT of the first start, LibreOffice libraries
  times=()
  for _ in $(seq "$runs"); do times+=("$(time_one "$ext")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  printf 'Banjar LKjIP .%s: median %.2f s over %d runs (%s)\n' "$ext" "$median" "$runs" "$(printf '%.2f ' "${times[@]}")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
