using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>
/// Figures no agency can have: refused at their cell rather than computed. Two mistakes slip past every format
/// check because the number itself is well written: a realisasi of 10^20 Orang (digits typed twice, a Rupiah amount
/// pasted into a count) and a percentage written as a fraction (0,95 for 95%, as a spreadsheet or a script exports it)
/// whose capaian would be 1,6% instead of 158%. Bounds per unit kind are in docs/workbook-format.md.
/// </summary>
public sealed partial class DatasetImporter
{
    /// <summary>The kinds of satuan that have a bound of their own, and the bound (the largest plausible magnitude).</summary>
    public enum UnitKind
    {
        /// <summary>Persen, %: at most 10.000% (a hundred times the whole; growth rates of a few hundred percent happen).</summary>
        Percent,

        /// <summary>Rupiah (Rp, juta/miliar/triliun rupiah scaled): at most Rp 10.000 triliun, about three times the state budget.</summary>
        Rupiah,

        /// <summary>People (Orang, Jiwa, Peserta, Pekerja, Penduduk, ...): at most 10 miliar, above the world's population.</summary>
        People,

        /// <summary>Indeks, Nilai, Skor, Poin, Level: at most 1.000.000 (the largest published indices are in the thousands).</summary>
        Index,

        /// <summary>Any other count (Dokumen, Perusahaan, Unit, Kegiatan, ...): at most 1.000.000.000.000.</summary>
        Count,
    }

    private static readonly string[] PeopleWords = ["orang", "jiwa", "peserta", "pekerja", "penduduk", "tenaga kerja", "pencari kerja", "siswa", "keluarga", "kk", "pegawai", "asn", "penerima", "lulusan", "wisatawan", "pengunjung"];

    private static readonly string[] IndexWords = ["indeks", "nilai", "skor", "poin", "level", "tingkat", "skala", "predikat"];

    /// <summary>The unit kind of a satuan as written on the indicator.</summary>
    public static UnitKind KindOf(string satuan)
    {
        var s = satuan.Trim().ToLowerInvariant();
        if (MeasuredValueParser.IsPercentSatuan(satuan) || s.Contains('%', StringComparison.Ordinal) || s.StartsWith("persen", StringComparison.Ordinal) || s.StartsWith("prosen", StringComparison.Ordinal))
            return UnitKind.Percent;
        if (s.Contains("rupiah", StringComparison.Ordinal) || s == "rp" || s.StartsWith("rp ", StringComparison.Ordinal) || s.StartsWith("rp.", StringComparison.Ordinal))
            return UnitKind.Rupiah;
        if (PeopleWords.Any(w => s == w || s.StartsWith(w + " ", StringComparison.Ordinal)))
            return UnitKind.People;
        return IndexWords.Any(w => s == w || s.StartsWith(w + " ", StringComparison.Ordinal)) ? UnitKind.Index : UnitKind.Count;
    }

    /// <summary>The largest plausible magnitude of a figure in <paramref name="satuan"/>.</summary>
    public static decimal PlausibleBound(string satuan)
    {
        var s = satuan.ToLowerInvariant();
        return KindOf(satuan) switch
        {
            UnitKind.Percent => 10_000m,
            // a satuan of "Juta Rupiah" counts millions: the same Rp 10.000 triliun is 10.000.000.000 of them
            UnitKind.Rupiah => 10_000_000_000_000_000m / (s.Contains("triliun", StringComparison.Ordinal) ? 1_000_000_000_000m : s.Contains("miliar", StringComparison.Ordinal) ? 1_000_000_000m : s.Contains("juta", StringComparison.Ordinal) ? 1_000_000m : s.Contains("ribu", StringComparison.Ordinal) ? 1_000m : 1m),
            UnitKind.People => 10_000_000_000m,
            UnitKind.Index => 1_000_000m,
            _ => 1_000_000_000_000m,
        };
    }

    private static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.Percent => "persen",
        UnitKind.Rupiah => "rupiah",
        UnitKind.People => "jumlah orang",
        UnitKind.Index => "indeks/nilai",
        _ => "jumlah",
    };

    private void Plausible(Dictionary<string, Indicator> indicators, List<(Target Target, RawRow Row)> targets, List<(Realisasi Realisasi, RawRow Row)> realisasi)
    {
        var figures = targets.Select(t => (t.Target.IndicatorCode, Value: (MeasuredValue?)t.Target.Value, t.Row, What: "target"))
            .Concat(realisasi.Select(r => (r.Realisasi.IndicatorCode, r.Realisasi.Value, r.Row, What: "realisasi")))
            .Where(f => f.Value is NumberValue or RangeValue or ScoreValue)
            .ToList();
        foreach (var group in figures.GroupBy(f => f.IndicatorCode, StringComparer.OrdinalIgnoreCase))
        {
            if (!indicators.TryGetValue(group.Key, out var indicator))
                continue;
            var bound = PlausibleBound(indicator.Satuan);
            var kind = KindOf(indicator.Satuan);
            var list = group.ToList();
            foreach (var (_, value, row, what) in list)
            {
                if (Magnitude(value!) > bound)
                {
                    Error(Where(row, "value"), $"{what} {value!.Original} {indicator.Satuan} untuk {indicator.Code} melebihi batas wajar {IndonesianNumber.FormatWhole(bound)} untuk satuan {KindName(kind)} "
                        + "(lihat docs/workbook-format.md, Batas wajar); periksa angka yang terketik dua kali atau tertukar kolomnya");
                }
            }

            if (kind != UnitKind.Percent)
                continue;
            // 0,95 among figures of 50 to 100: a fraction exported for 95%. Written with "%" it is taken as typed
            foreach (var (_, value, row, what) in list)
            {
                // the parser marks every figure of a Persen indicator as a percentage: what was typed decides here
                // (a fraction as exported lies between 0,001 and 1: 0,0000000000000000000000000001 is no share of anything)
                if (value is not NumberValue { Value: >= 0.001m and <= 1m } fraction || fraction.Original.Contains('%', StringComparison.Ordinal))
                    continue;
                var others = list.Where(o => !ReferenceEquals(o.Value, value)).Select(o => Magnitude(o.Value!)).ToList();
                if (others.Count == 0 || others.Any(o => o < 10m))
                    continue;
                Error(Where(row, "value"), $"{what} {fraction.Original} untuk {indicator.Code} (satuan {indicator.Satuan}) tampak ditulis sebagai pecahan: angka lain indikator ini {IndonesianNumber.Format(others.Min(), 2, trimZeroDecimals: true)} sampai {IndonesianNumber.Format(others.Max(), 2, trimZeroDecimals: true)}; "
                    + $"tulis {IndonesianNumber.Format(fraction.Value * 100m, 2, trimZeroDecimals: true)}% bila maksudnya {IndonesianNumber.Format(fraction.Value * 100m, 2, trimZeroDecimals: true)} persen, atau {fraction.Original}% bila memang kurang dari satu persen");
            }
        }
    }

    private static decimal Magnitude(MeasuredValue value) => value switch
    {
        NumberValue n => Math.Abs(n.Value),
        RangeValue r => Math.Max(Math.Abs(r.Lower), Math.Abs(r.Upper)),
        ScoreValue s => Math.Abs(s.Score),
        _ => 0m,
    };
}
