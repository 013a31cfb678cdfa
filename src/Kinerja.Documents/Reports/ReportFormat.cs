using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// Turns engine values into cells, the agency's way: percentages with its decimals and rounding
/// (98,19%), amounts with thousands dots (12.081.204.858). Nothing here computes a figure.
/// </summary>
public sealed class ReportFormat(AgencyProfile profile)
{
    public AgencyProfile Profile { get; } = profile;

    public ReportCell Percent(decimal? value) =>
        value is { } v ? new ReportCell(Profile.FormatPercent(v), CellKind.Percent, Profile.RoundForDisplay(v), Profile.Decimals) : new ReportCell("-");

    public string PercentText(decimal? value) => value is { } v ? Profile.FormatPercent(v) : "-";

    /// <summary>A difference in percentage points (efficiency by difference: 46,01).</summary>
    public ReportCell Points(decimal? value) =>
        value is { } v ? new ReportCell(IndonesianNumber.Format(v, Profile.Decimals, Profile.Rounding), CellKind.Decimal, Profile.RoundForDisplay(v), Profile.Decimals) : new ReportCell("-");

    public ReportCell Amount(decimal? value) =>
        value is { } v ? new ReportCell(SignedAmount(v), CellKind.Amount, decimal.Round(v, 0, MidpointRounding.AwayFromZero)) : new ReportCell("-");

    public static string AmountText(decimal value) => IndonesianNumber.FormatWhole(value);

    /// <summary>"Rp 12.081.204.858" or "Rp12.081.204.858" as the profile says; a negative amount in the profile's style.</summary>
    public string RupiahText(decimal value) => (Profile.RupiahWithSpace ? "Rp\u00A0" : "Rp") + SignedAmount(value);

    /// <summary>"-3.625.000" or "(3.625.000)" (profile: negatif dalam kurung).</summary>
    private string SignedAmount(decimal value) =>
        value < 0 && Profile.NegativeInParentheses ? "(" + IndonesianNumber.FormatWhole(-value) + ")" : IndonesianNumber.FormatWhole(value);

    /// <summary>The Indonesian name of a category scale: "Permendagri Nomor 86 Tahun 2017", never the workbook identifier.</summary>
    public static string ScaleTitle(PredicateScale scale) => scale.Name switch
    {
        "Permendagri86" => "Permendagri Nomor 86 Tahun 2017",
        "DuaStatus" => "tercapai dan tidak tercapai",
        "LampuLalin" => "lampu lalu lintas (hijau, kuning, merah)",
        var name => name,
    };

    public ReportCell Capaian(Capaian capaian) => capaian.Status switch
    {
        CapaianStatus.Computed => Percent(capaian.Value),
        CapaianStatus.NotAvailable => new ReportCell("N/A"),
        _ => new ReportCell("-"),
    };

    public string CapaianText(Capaian capaian) => Capaian(capaian).Text;

    /// <summary>Renstra progress, with the agency's progress rounding.</summary>
    public ReportCell Progress(Capaian progress)
    {
        if (progress.Status != CapaianStatus.Computed)
            return Capaian(progress);
        var mode = Profile.ProgressRounding ?? Profile.Rounding;
        return new ReportCell(Profile.FormatProgressPercent(progress.Value), CellKind.Percent, Rounding.Apply(progress.Value, Profile.Decimals, mode), Profile.Decimals);
    }

    /// <summary>A target or realisasi as the report prints it: Indonesian separators, the satuan when it is not "%".</summary>
    public ReportCell Value(MeasuredValue? value, string satuan) => Value(value, satuan, Profile.Rounding);

    /// <summary>A value rounded with the given mode: targets with the agency's rounding, realisasi with its realisasi rounding.</summary>
    private ReportCell Value(MeasuredValue? value, string satuan, RoundingMode rounding)
    {
        var cell = ValueAlone(value, satuan, rounding);
        // a note printed beside the value ("1% (3 LPK)") is shown with it; the cell is then text, as printed
        return value?.Note is null ? cell : new ReportCell(value.WithNote(cell.Text));
    }

    private ReportCell ValueAlone(MeasuredValue? value, string satuan, RoundingMode rounding)
    {
        switch (value)
        {
            case null:
                return new ReportCell("-");
            case NumberValue n:
            {
                // keep the decimals the user wrote ("80,30", "1.762"), but never more than the agency's
                var decimals = Math.Min(Scale(n.Value), Profile.Decimals);
                var text = IndonesianNumber.Format(n.Value, decimals, rounding);
                var shown = Rounding.Apply(n.Value, decimals, rounding);
                if (n.Percent)
                    return new ReportCell(text + "%", CellKind.Percent, shown, decimals);
                var kind = shown == decimal.Truncate(shown) ? CellKind.Amount : CellKind.Decimal;
                return new ReportCell(text, kind, shown, kind == CellKind.Amount ? 0 : decimals);
            }

            case RangeValue r:
            {
                var lower = IndonesianNumber.Format(r.Lower, Math.Min(Scale(r.Lower), Profile.Decimals), rounding);
                var upper = IndonesianNumber.Format(r.Upper, Math.Min(Scale(r.Upper), Profile.Decimals), rounding);
                return new ReportCell(lower + "-" + upper + (r.Percent ? "%" : ""));
            }

            default:
                return new ReportCell(value.DisplayValue(Profile.Decimals, rounding));
        }
    }

    /// <summary>A realisasi, rounded with the agency's realisasi rounding (Banjar: 882 / 1.762 = 50,0567 shows 50,05%).</summary>
    public ReportCell Realisasi(Realisasi? realisasi, string satuan) => realisasi switch
    {
        null => new ReportCell("-"),
        { IsNotAvailable: true } => new ReportCell("N/A"),
        { Status: RealisasiStatus.Provisional } => RealisasiValue(realisasi, satuan) with { Text = RealisasiValue(realisasi, satuan).Text + "*" },
        _ => RealisasiValue(realisasi, satuan),
    };

    /// <summary>A realisasi value alone (a page shows it before it is part of a computed row), with the realisasi rounding.</summary>
    public ReportCell RealisasiValue(MeasuredValue? value, string satuan) => Value(value, satuan, Profile.RealisasiRounding ?? Profile.Rounding);

    private ReportCell RealisasiValue(Realisasi realisasi, string satuan) => Value(realisasi.Value, satuan, Profile.RealisasiRounding ?? Profile.Rounding);

    public string Predicate(IndicatorResult row) =>
        row.Predicate ?? (row.Capaian.Status == CapaianStatus.NotAvailable ? "N/A" : "-");

    /// <summary>The satuan column: "Persen", "Orang"; empty satuan shows a dash.</summary>
    public static string Satuan(Indicator indicator) => string.IsNullOrWhiteSpace(indicator.Satuan) ? "-" : indicator.Satuan;

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    /// <summary>
    /// The code as printed when it is an official one (Pemda nomenclature "1.03.02.2.01", a K/L programme "WA" or output
    /// "2176.ABK.007"), null when it is a key a user typed only to link rows ("P1.K2", "S1"): such keys never print.
    /// </summary>
    public static string? OfficialCode(string? code, AgencyKind kind = AgencyKind.KL)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var c = code.Trim();
        return char.IsDigit(c[0]) || (kind == AgencyKind.KL && c.Length == 2 && c.All(char.IsAsciiLetterUpper)) ? c : null;
    }

    public static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
