#!/usr/bin/env python3
"""The naive computation the benchmark checks the roll-up against: read the data set, add the counts of the asked
period over every instansi (a quarter's counts as given; for a year, flows summed over the quarters and stocks at the
last quarter, as the catalogue's elements say), then the formula num / den * 100 in exact decimals."""
import csv, sys
from decimal import Decimal, getcontext

getcontext().prec = 28
STOCKS = {"pengangguran_terbuka", "angkatan_kerja", "penduduk_usia_kerja", "penduduk_bekerja", "peserta_bpjstk", "potensi_peserta_jamsos"}
FORMULAS = {"TPT": ("pengangguran_terbuka", "angkatan_kerja"), "TPAK": ("angkatan_kerja", "penduduk_usia_kerja"),
            "PENEMPATAN": ("pencaker_ditempatkan", "pencaker_terdaftar"), "CAKUPAN_JAMSOS": ("peserta_bpjstk", "penduduk_bekerja"),
            "PERLINDUNGAN_PEKERJA": ("peserta_bpjstk", "potensi_peserta_jamsos"), "PELATIHAN_KOMPETEN": ("peserta_kompeten", "peserta_pelatihan"),
            "SERTIFIKASI": ("peserta_bersertifikat", "peserta_pelatihan"), "PERUSAHAAN_PATUH": ("perusahaan_patuh", "perusahaan_dibina")}

path, code, period = sys.argv[1], sys.argv[2], sys.argv[3]
num_el, den_el = FORMULAS[code]
per = {}
with open(path, encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["indikator"] != code or not row["data"]:
            continue
        p = row["periode"]
        if p != period and not (len(period) == 4 and p.startswith(period + "-TW")):
            continue
        quarter = int(p[-1]) if "-TW" in p else 4
        values = dict(part.split("=") for part in row["data"].split(";"))
        acc = per.setdefault(row["instansi"], {})
        for el in (num_el, den_el):
            v = Decimal(values[el])
            if el in STOCKS:
                if quarter >= acc.get(el + "@", 0):
                    acc[el], acc[el + "@"] = v, quarter
            else:
                acc[el] = acc.get(el, Decimal(0)) + v
num = sum(a[num_el] for a in per.values())
den = sum(a[den_el] for a in per.values())
print(f"nasional {num / den * 100} dari {len(per)}")
