#!/usr/bin/env bash
# Whole-process timings of the published `kinerja` binary (native, Native AOT) on a large agency (issue 12, item 7):
# wall time and peak memory (max RSS) as /usr/bin/time -v reports them, median of RUNS runs.
#   bench/cli/run-timings.sh            # RUNS=3 by default; results in bench/cli/work/timings-*.txt
# BIN=DIR times an already published kinerja in DIR instead (e.g. an older commit's, for a before/after).
# Aims: compute and check < 1 s and < 250 MB; LKjIP .docx < 3 s; a million formatted empty rows < 2 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
work=bench/cli/work
bin=${BIN:-$work/kinerja}
mkdir -p "$work"
[ -n "${BIN:-}" ] || dotnet publish src/Kinerja.Cli/Kinerja.Cli.csproj -c Release --nologo -v quiet -o "$bin" >/dev/null
if [ ! -f "$work/big-agency.json" ] || [ ! -f "$work/million-empty-rows.xlsx" ]; then
  python3 bench/cli/generate-workbooks.py samples "$work"
fi
[ -f "$work/big-agency.xlsx" ] || "$bin/kinerja" convert "$work/big-agency.json" "$work/big-agency.xlsx" --force >/dev/null

# one case: NAME then the kinerja arguments; prints "NAME  median-wall-s  max-rss-MB  exit"
measure() {
  local name=$1; shift
  local walls=() cpus=() rss=0 code=0
  for _ in $(seq "$runs"); do
    rm -f "$work/out.docx"
    /usr/bin/time -v -o "$work/time.txt" "$bin/kinerja" "$@" >/dev/null 2>"$work/stderr.txt" || code=$?
    local wall kb
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    walls+=("$wall")
    cpus+=("$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/time.txt")")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local median cpu
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-34s %8.2f s wall %8.2f s cpu %6d MB   exit %s\n' "$name" "$median" "$cpu" $((rss / 1024)) "$code"
}

{
  echo "kinerja $("$bin/kinerja" --version | awk '{print $2}'), $(date -u +%F), $(nproc) cores, median of $runs runs"
  measure "compute big-agency.xlsx" compute "$work/big-agency.xlsx" --period 2025
  measure "check big-agency.xlsx" check "$work/big-agency.xlsx"
  measure "compute big-agency.json" compute "$work/big-agency.json" --period 2025
  measure "report lkjip big-agency.xlsx .docx" report lkjip "$work/big-agency.xlsx" --out "$work/out.docx" --period 2025 --draft
  measure "compute million-empty-rows.xlsx" compute "$work/million-empty-rows.xlsx"
} | tee "$work/timings-$(basename "$bin").txt"
