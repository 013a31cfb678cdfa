#!/usr/bin/env bash
# Whole-process timing of `kinerja report` on the Banjar LKjIP (issue 13: .docx under 1 s, PDF under 5 s warm).
# Builds the CLI once, runs one warm-up of each, then N timed runs, and prints each run's wall time, the median
# wall time and the median CPU time (user + sys of the command and its children, LibreOffice included: on a
# machine shared with other builds the wall time grows with the load, the CPU time much less).
# The draft is timed: Banjar's final is refused while its budget has errors, and the draft does the same work
# (checks, engine, layout) plus its checklist page.
# "Warm" is the second and later runs: disk cache filled, LibreOffice's profile (kept in ~/.cache/kinerja/libreoffice)
# already made; the warm-up run makes it.
#   bench/report-timing.sh [N=5]        KINERJA=path/to/kinerja times another build
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
if [ -z "${KINERJA:-}" ]; then
  dotnet build src/Kinerja.Cli -c Release --nologo -v q >/dev/null
  KINERJA=src/Kinerja.Cli/bin/Release/net10.0/kinerja
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
time_one() { # extension -> "wall cpu"
  /usr/bin/time -o "$out/time" -f '%e %U %S' "$KINERJA" report lkjip samples/banjar-2025.json --out "$out/banjar.$1" --draft --force >/dev/null 2>"$out/stderr"
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$out/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
for ext in docx pdf; do
  time_one "$ext" >/dev/null # warm-up: disk cache, JIT of the first start, LibreOffice libraries and profile
  walls=(); cpus=()
  for _ in $(seq "$runs"); do
    read -r wall cpu < <(time_one "$ext")
    walls+=("$wall"); cpus+=("$cpu")
  done
  printf 'Banjar LKjIP .%s: median %.2f s wall, %.2f s CPU over %d runs (wall: %s)\n' "$ext" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$runs" "$(printf '%.2f ' "${walls[@]}")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
