#!/usr/bin/env bash
# Builds every sample's LKjIP, PK and triwulan (final where the data allow it, and the draft), converts them
# to PDF and to page images (60 dpi) under artifacts/pages/, to be looked at. The folder is not committed.
set -uo pipefail
cd "$(dirname "$0")/.."
out=artifacts/pages
rm -rf "$out"; mkdir -p "$out"
dotnet build src/Kinerja.Cli -c Release --nologo -v q >/dev/null || exit 1
kinerja=src/Kinerja.Cli/bin/Release/net10.0/kinerja
build() { # sample kind name [options...]
  local sample=$1 kind=$2 name=$3; shift 3
  if "$kinerja" report "$kind" "samples/$sample.json" --out "$out/$name.pdf" "$@" >/dev/null 2>"$out/$name.refused.txt"; then
    rm -f "$out/$name.refused.txt"
    pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name"
  fi
}
for sample in banjar-2025 kemnaker-2024 pasar-kerja-2021; do
  build "$sample" lkjip "$sample-lkjip"
  build "$sample" lkjip "$sample-lkjip-draf" --draft
  build "$sample" pk "$sample-pk"
  build "$sample" pk "$sample-pk-draf" --draft
done
build kemnaker-2024 pk kemnaker-2024-pk-perubahan --versi perubahan-2
build kemenko-tw1-2026 triwulan kemenko-tw1-2026-triwulan
build kemenko-tw1-2026 triwulan kemenko-tw1-2026-triwulan-draf --draft
ls "$out" | sed 's/-[0-9]*\.png$//' | sort | uniq -c
