#!/usr/bin/env python3
"""Seeded generator of a national data set for `impor-massal` (issue 23, docs/national.md).

Every instansi is a Disnaker of a regency or city (Kemendagri codes from src/Kinerja.Data/Regions), with
INDIKATOR indicators measured over TRIWULAN quarters: the first nine are labour catalogue indicators whose
realisasi is the formula of the counts in column `data`; the rest are the instansi's own (no counts).
The same seed gives the same file, byte for byte.

    python3 bench/scale/generate.py --seed 23 --instansi 25000 --out nasional.csv      # 3.000.000 rows
    python3 bench/scale/generate.py --seed 23 --instansi 8334 --out satu-juta.csv      # 1.000.080 rows
"""
import argparse, csv, os, random
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
REGENCIES = os.path.join(HERE, "..", "..", "src", "Kinerja.Data", "Regions", "regencies.csv")

# catalogue code -> (numerator element, denominator element, polarity 'max'/'min'); formula: num / den * 100
CATALOGUE = [
    ("TPT", "pengangguran_terbuka", "angkatan_kerja", "min"),
    ("TPAK", "angkatan_kerja", "penduduk_usia_kerja", "max"),
    ("PENEMPATAN", "pencaker_ditempatkan", "pencaker_terdaftar", "max"),
    ("CAKUPAN_JAMSOS", "peserta_bpjstk", "penduduk_bekerja", "max"),
    ("PERLINDUNGAN_PEKERJA", "peserta_bpjstk", "potensi_peserta_jamsos", "max"),
    ("PELATIHAN_KOMPETEN", "peserta_kompeten", "peserta_pelatihan", "max"),
    ("SERTIFIKASI", "peserta_bersertifikat", "peserta_pelatihan", "max"),
    ("PPHI", "perselisihan_selesai", "perselisihan_tercatat", "max"),
    ("PERUSAHAAN_PATUH", "perusahaan_patuh", "perusahaan_dibina", "max"),
]


def indonesian(value: Decimal) -> str:
    text = str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return text.replace(".", ",")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=23)
    p.add_argument("--instansi", type=int, default=25000)
    p.add_argument("--indikator", type=int, default=30)
    p.add_argument("--triwulan", type=int, default=4)
    p.add_argument("--tahun", type=int, default=2025)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    rng = random.Random(a.seed)
    with open(REGENCIES, encoding="utf-8") as f:
        regencies = [row["code"] for row in csv.DictReader(f)]
    rows = 0
    with open(a.out, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["instansi", "kode_wilayah", "tahun", "indikator", "periode", "target", "realisasi", "data"])
        for n in range(a.instansi):
            region = regencies[n % len(regencies)]
            name = f"Disnaker {n + 1:05d} ({region})"
            # one population per instansi, its counts drawn around it
            people = rng.randint(20_000, 2_000_000)
            for k in range(a.indikator):
                for q in range(1, a.triwulan + 1):
                    period = f"{a.tahun}-TW{q}"
                    if k < len(CATALOGUE):
                        code, num_el, den_el, _ = CATALOGUE[k]
                        den = rng.randint(max(1, people // 200), max(2, people // 2))
                        num = rng.randint(0, den)
                        realisasi = Decimal(num) / Decimal(den) * 100
                        target = Decimal(rng.randint(1000, 9000)) / 100
                        w.writerow([name, region, a.tahun, code, period, indonesian(target), indonesian(realisasi), f"{den_el}={den};{num_el}={num}"])
                    else:
                        code = f"IK-{k + 1:02d}"
                        target = rng.randint(10, 1000)
                        w.writerow([name, region, a.tahun, code, period, target, rng.randint(0, 1200), ""])
                    rows += 1
    print(f"{rows} baris, {a.instansi} instansi -> {a.out}")


if __name__ == "__main__":
    main()
