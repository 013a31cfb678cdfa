#!/usr/bin/env python3
"""Writes the large workbooks the whole-process timings read (bench/cli/run-timings.sh).

  big-agency.json        5.000 indicators x 4 quarters (targets and realisasi per triwulan and for the year),
                         with the Banjar sample's profile, units and budget; run-timings.sh converts it to .xlsx
                         with `kinerja convert` (the format's own writer).
  million-empty-rows.xlsx  the Banjar sample whose Realisasi sheet ends in 1.000.000 formatted, empty rows
                         (a sheet whose format was dragged to the bottom, as users do).

Deterministic: the same files every run (fixed seed).
Usage: generate-workbooks.py SAMPLES_DIR OUT_DIR
"""
import json
import os
import random
import re
import sys
import zipfile
from pathlib import Path

# INDICATORS=1000 in the environment writes a smaller agency (bench/pdf-timing.sh times the LKjIP PDF at several sizes)
INDICATORS = int(os.environ.get("INDICATORS", "5000"))
PER_GOAL = 50
YEAR = 2025


def indonesian(value: float, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def big_agency(samples: Path, out: Path) -> None:
    random.seed(20250101)
    base = json.loads((samples / "banjar-2025.json").read_text(encoding="utf-8"))
    root_unit = base["units"][0]["code"]
    plan = [{"code": "T1", "level": "Tujuan", "name": "Meningkatnya kinerja instansi besar", "parent": "", "unit": root_unit}]
    indicators, targets, realisasi = [], [], []
    for n in range(INDICATORS):
        goal = f"S{n // PER_GOAL + 1}"
        if n % PER_GOAL == 0:
            plan.append({"code": goal, "level": "Sasaran", "name": f"Sasaran strategis nomor {n // PER_GOAL + 1}", "parent": "T1", "unit": root_unit})
        code = f"IK-{n + 1}"
        count = n % 3 == 0
        indicators.append({
            "code": code, "goal": goal,
            "name": f"{'Jumlah' if count else 'Persentase'} layanan yang diselesaikan tepat waktu nomor {n + 1}",
            "satuan": "Dokumen" if count else "Persen",
            "polarity": "Minimal" if n % 10 == 7 else "Maksimal",
            "targetKind": "Angka",
            # counts add up over the year, percentages are stocks read at the year end
            "aggregation": "Jumlah" if count else "Akhir",
            "owner": root_unit,
        })
        if count:
            quarter_targets = [random.randint(5, 50) for _ in range(4)]
            quarter_values = [max(0, t + random.randint(-5, 8)) for t in quarter_targets]
            annual_target, annual_value = sum(quarter_targets), sum(quarter_values)
            fmt = lambda v: str(v)
        else:
            quarter_targets = [round(random.uniform(40, 95), 2) for _ in range(4)]
            quarter_values = [round(min(100.0, t + random.uniform(-10, 10)), 2) for t in quarter_targets]
            annual_target, annual_value = quarter_targets[-1], quarter_values[-1]
            fmt = lambda v: indonesian(v) + "%"
        targets.append({"indicator": code, "period": str(YEAR), "value": fmt(annual_target), "document": "PK"})
        realisasi.append({"indicator": code, "period": str(YEAR), "value": fmt(annual_value), "status": "Final"})
        for q in range(4):
            targets.append({"indicator": code, "period": f"{YEAR}-TW{q + 1}", "value": fmt(quarter_targets[q]), "document": "PK"})
            realisasi.append({"indicator": code, "period": f"{YEAR}-TW{q + 1}", "value": fmt(quarter_values[q]), "status": "Final"})
    workbook = {
        "profile": base["profile"],
        "units": base["units"],
        "plan": plan,
        "indicators": indicators,
        "targets": targets,
        "realisasi": realisasi,
        "budget": base["budget"],
    }
    (out / "big-agency.json").write_text(json.dumps(workbook, ensure_ascii=False, indent=1), encoding="utf-8")


def million_empty_rows(samples: Path, out: Path, sheet_name: str = "Realisasi", rows: int = 1_000_000) -> None:
    source = samples / "banjar-2025.xlsx"
    with zipfile.ZipFile(source) as zin:
        workbook = zin.read("xl/workbook.xml").decode("utf-8")
        rels = zin.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        rid = re.search(rf'<(?:\w+:)?sheet [^>]*name="{sheet_name}"[^>]*r:id="([^"]+)"', workbook) or re.search(rf'<(?:\w+:)?sheet [^>]*r:id="([^"]+)"[^>]*name="{sheet_name}"', workbook)
        target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(rf'Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
        part = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
        sheet = zin.read(part).decode("utf-8")
        last = max(int(r) for r in re.findall(r'<(?:\w+:)?row [^>]*r="(\d+)"', sheet))
        prefix = re.match(r"<(\w+:)?", re.search(r"<(?:\w+:)?sheetData", sheet).group(0)).group(1) or ""
        # each empty row carries a style on its cells, as a format painted down the columns does
        filler = "".join(
            f'<{prefix}row r="{r}"><{prefix}c r="A{r}" s="1"/><{prefix}c r="B{r}" s="1"/><{prefix}c r="C{r}" s="1"/></{prefix}row>'
            for r in range(last + 1, last + 1 + rows))
        closing = f"</{prefix}sheetData>"
        sheet = sheet.replace(closing, filler + closing, 1)
        with zipfile.ZipFile(out / "million-empty-rows.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                zout.writestr(item, sheet.encode("utf-8") if item.filename == part else zin.read(item.filename))


if __name__ == "__main__":
    samples_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    big_agency(samples_dir, out_dir)
    if "INDICATORS" not in os.environ:
        million_empty_rows(samples_dir, out_dir)
