using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Domain.Measurement;

/// <summary>Capaian of one indicator for one target and realisasi (docs/rules.md §4). Full precision; never rounds.</summary>
public static class CapaianCalculator
{
    private static readonly string[] AchievedWords = ["TERCAPAI", "YA", "ADA", "SELESAI", "SUDAH", "TERSEDIA", "DITETAPKAN", "TERLAKSANA"];
    private static readonly string[] NotAchievedWords = ["TIDAK TERCAPAI", "TIDAK", "BELUM", "TIDAK ADA", "BELUM SELESAI", "BELUM TERSEDIA"];

    public static Capaian Compute(Indicator indicator, MeasuredValue? target, Realisasi? realisasi, AgencyProfile profile)
    {
        if (target is null)
            return Capaian.Missing(CapaianStatus.NoTarget, "target belum ditetapkan");
        if (realisasi is null)
            return Capaian.Missing(CapaianStatus.NoRealisasi, "realisasi belum diisi");
        if (realisasi.IsNotAvailable)
            return Capaian.Missing(CapaianStatus.NotAvailable, realisasi.Note ?? "data belum tersedia");
        return Compute(indicator, target, realisasi.Value!, profile);
    }

    /// <summary>
    /// The capaian of one target and realisasi. A pair whose ratio is beyond what a decimal holds (realisasi 63
    /// against a target of 0,0000000000000000000000000001) is not computed, with the reason: never a crash, never a
    /// wrong number. The importer refuses such a pair at its row (<see cref="Overflows"/>).
    /// </summary>
    public static Capaian Compute(Indicator indicator, MeasuredValue target, MeasuredValue realisasi, AgencyProfile profile)
    {
        try
        {
            return ComputeExact(indicator, target, realisasi, profile);
        }
        catch (OverflowException)
        {
            return Capaian.Missing(CapaianStatus.NotComputable, OverflowReason(target, realisasi));
        }
    }

    /// <summary>Whether the capaian of this pair is too large to compute (the ratio overflows a decimal).</summary>
    public static bool Overflows(Indicator indicator, MeasuredValue target, MeasuredValue realisasi, AgencyProfile profile)
    {
        try
        {
            ComputeExact(indicator, target, realisasi, profile);
            return false;
        }
        catch (OverflowException)
        {
            return true;
        }
    }

    public static string OverflowReason(MeasuredValue target, MeasuredValue realisasi) =>
        $"capaian dari realisasi {realisasi.Original} dan target {target.Original} terlalu besar untuk dihitung (melebihi {IndonesianNumber.FormatWhole(decimal.MaxValue)}%); periksa penulisan target dan realisasi";

    private static Capaian ComputeExact(Indicator indicator, MeasuredValue target, MeasuredValue realisasi, AgencyProfile profile)
    {
        var method = indicator.LowerMethod ?? profile.LowerIsBetterMethod;
        var cap = profile.CapaianCap;
        switch (target)
        {
            case RangeValue range when realisasi is NumberValue r:
                return Range(range.Lower, range.Upper, r.Value, indicator.Polarity, method, cap);
            case NumberValue t when t.Value == 0 && (indicator.TargetKind == TargetKind.Zero || indicator.Polarity == Polarity.LowerIsBetter):
                return realisasi is NumberValue zr
                    ? Zero(zr.Value, indicator.Polarity, cap)
                    : Mismatch(target, realisasi);
            case NumberValue t when realisasi is NumberValue r:
                return Number(t.Value, r.Value, indicator.Polarity, method, cap);
            case ScoreValue t when realisasi is ScoreValue r:
                if (t.Maximum != r.Maximum)
                    return Capaian.Missing(CapaianStatus.NotComputable, $"skala target ({t.Original}) dan realisasi ({r.Original}) berbeda");
                return Number(t.Score, r.Score, indicator.Polarity, method, cap);
            case ScoreValue t when realisasi is NumberValue r:
                return Number(t.Score, r.Value, indicator.Polarity, method, cap);
            case GradeValue t when realisasi is GradeValue r:
            {
                var rt = t.Scale.Rank(t.Grade);
                var rr = t.Scale.Rank(r.Grade);
                return Capaian.Of(rr >= rt ? 100m : (decimal)rr / rt * 100m, cap);
            }

            case TextValue t when realisasi is TextValue r:
                return Text(t.Text, r.Text, cap);
            default:
                return Mismatch(target, realisasi);
        }
    }

    /// <summary>
    /// Higher is better: R/T. Lower is better: method A (2T-R)/T, or B T/R. Floor 0. The ratios keep their meaning
    /// only over a target above zero: with a negative target a better realisasi would give a smaller capaian
    /// (growth target -1%, realisasi -0,5%: R/T = 50%), so no capaian is computed, with the reason. Against a
    /// positive target a negative realisasi follows the formula: R/T falls below 0 and is floored at 0%; method A
    /// rises above 200% (less is better); method B (T/R) would turn negative, so it is not computed either.
    /// </summary>
    public static Capaian Number(decimal target, decimal realisasi, Polarity polarity, LowerIsBetterMethod method, decimal? cap)
    {
        if (target < 0)
            return Capaian.Missing(CapaianStatus.NotComputable, $"target negatif ({IndonesianNumber.Format(target, 2, RoundingMode.HalfUp, trimZeroDecimals: true)}): rumus capaian (realisasi dibanding target) terbalik maknanya di bawah nol, sehingga capaian tidak dihitung; tetapkan target 0 atau lebih (mis. rentang), atau nilai indikator ini dengan penjelasan");
        if (polarity == Polarity.LowerIsBetter && method == LowerIsBetterMethod.B && realisasi < 0)
            return Capaian.Missing(CapaianStatus.NotComputable, $"realisasi negatif ({IndonesianNumber.Format(realisasi, 2, RoundingMode.HalfUp, trimZeroDecimals: true)}) pada metode B (target/realisasi) memberi capaian negatif, sehingga capaian tidak dihitung; gunakan metode A untuk indikator ini");
        if (polarity == Polarity.HigherIsBetter)
        {
            return target == 0
                ? Capaian.Missing(CapaianStatus.NotComputable, "target 0 pada indikator maksimal tidak dapat dibagi dan tidak dianggap tercapai begitu saja; bila target 0 memang dimaksud, isi jenis target Nol: realisasi 0 atau lebih lalu dinilai tercapai (100%), menurut konvensi docs/rules.md §4 (tidak ada peraturan yang mengaturnya)")
                : Capaian.Of(realisasi / target * 100m, cap);
        }

        if (target == 0)
            return Capaian.Of(realisasi <= 0 ? 100m : 0m, cap);
        if (method == LowerIsBetterMethod.A)
            return Capaian.Of((2m * target - realisasi) / target * 100m, cap);
        return realisasi == 0
            ? Capaian.Missing(CapaianStatus.NotComputable, "realisasi 0 pada metode B (target/realisasi) tidak dapat dibagi")
            : Capaian.Of(target / realisasi * 100m, cap);
    }

    /// <summary>
    /// A zero target (docs/rules.md §4, target kind Nol) is met or missed, never divided by. Lower is better
    /// (0 data breaches): realisasi 0 or less gives 100%, anything above 0%. Higher is better (a target of
    /// 0 new complaints handled, a floor of nothing): realisasi 0 or more meets the target, 100%; only a
    /// negative realisasi misses it. So realisasi 5 against 0 is 100% when more is better and 0% when less is.
    /// </summary>
    public static Capaian Zero(decimal realisasi, Polarity polarity, decimal? cap) =>
        Capaian.Of((polarity == Polarity.LowerIsBetter ? realisasi <= 0 : realisasi >= 0) ? 100m : 0m, cap);

    /// <summary>Inside the range = 100%; outside, the polarity rule against the nearer bound.</summary>
    public static Capaian Range(decimal lower, decimal upper, decimal realisasi, Polarity polarity, LowerIsBetterMethod method, decimal? cap)
    {
        if (realisasi >= lower && realisasi <= upper)
            return Capaian.Of(100m, cap);
        var nearer = realisasi < lower ? lower : upper;
        return Number(nearer, realisasi, polarity, method, cap);
    }

    private static Capaian Text(string target, string realisasi, decimal? cap)
    {
        var r = realisasi.Trim().ToUpperInvariant();
        if (string.Equals(target.Trim(), realisasi.Trim(), StringComparison.OrdinalIgnoreCase) || AchievedWords.Contains(r))
            return Capaian.Of(100m, cap);
        if (NotAchievedWords.Contains(r))
            return Capaian.Of(0m, cap);
        return Capaian.Missing(CapaianStatus.NotComputable, $"realisasi teks \"{realisasi}\" tidak dapat dinilai; tulis Tercapai atau Belum");
    }

    private static Capaian Mismatch(MeasuredValue target, MeasuredValue realisasi) =>
        Capaian.Missing(CapaianStatus.NotComputable, $"target \"{target.Original}\" dan realisasi \"{realisasi.Original}\" tidak sebanding");
}
