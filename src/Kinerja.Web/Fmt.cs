using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;
using Kinerja.Domain.Workflow;

namespace Kinerja.Web;

/// <summary>
/// Figures, status words and unit names as the pages show them, the way Indonesians write them: "2,76%",
/// "1.762 orang", "Rp 12.081.204.858", "Draf". One helper for every page, built on the domain's Indonesian
/// formatting (<see cref="IndonesianNumber"/>, the agency profile's decimals and rounding) and on the documents'
/// <see cref="ReportFormat"/>, so a page and a report never write the same figure two ways. A value is shown as
/// its indicator reads it (parsed with the indicator's kind and satuan), never as the text someone typed
/// ("2.76%", "1762 Orang"); what cannot be read is shown as typed, so nothing entered disappears.
/// </summary>
public static partial class Fmt
{
    /// <summary>A whole number with thousands dots: 1.762.</summary>
    public static string Number(long value) => IndonesianNumber.FormatWhole(value);

    /// <summary>A percentage with the agency's decimals and rounding ("98,19%"); a dash for none.</summary>
    public static string Percent(decimal? value, AgencyProfile profile) => value is { } v ? profile.FormatPercent(v) : "-";

    /// <summary>An amount in Rupiah as the agency writes it ("Rp 12.081.204.858").</summary>
    public static string Rupiah(decimal value, AgencyProfile profile) => new ReportFormat(profile).RupiahText(value);

    /// <summary>The workflow status as the pages say it: Draf, Diajukan, Diverifikasi, Disahkan, Dikembalikan.</summary>
    public static string Status(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "Draf",
        EntryStatus.Diajukan => "Diajukan",
        EntryStatus.Diverifikasi => "Diverifikasi",
        EntryStatus.Disahkan => "Disahkan",
        _ => "Dikembalikan",
    };

    /// <summary>A unit by its name; its code only when the name is unknown (a unit removed since).</summary>
    public static string Unit(string code, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(code, out var name) && !string.IsNullOrWhiteSpace(name) ? name : code;

    /// <summary>A target as its indicator reads it: "2,71%", "1.650 orang", "B", "3 dari 4".</summary>
    public static string Target(string? text, Indicator indicator, AgencyProfile profile) => Value(text, indicator, profile, realisasi: false);

    /// <summary>A realisasi as its indicator reads it, rounded with the agency's realisasi rounding.</summary>
    public static string Realisasi(string? text, Indicator indicator, AgencyProfile profile) => Value(text, indicator, profile, realisasi: true);

    /// <summary>
    /// A parsed value with the satuan when it says what is counted ("1.762 orang"), unless the table has a Satuan
    /// column (<paramref name="withSatuan"/> false); "-" for none.
    /// </summary>
    public static string Value(MeasuredValue? value, Indicator indicator, AgencyProfile profile, bool realisasi = false, bool withSatuan = true)
    {
        if (value is null)
            return "-";
        var format = new ReportFormat(profile);
        var text = (realisasi ? format.RealisasiValue(value, indicator.Satuan) : format.Value(value, indicator.Satuan)).Text;
        return withSatuan && value is NumberValue { Percent: false } or RangeValue { Percent: false } && SatuanWord(indicator.Satuan) is { } word ? text + "\u00A0" + word : text;
    }

    private static string Value(string? text, Indicator indicator, AgencyProfile profile, bool realisasi)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "-";
        if (MeasuredValueParser.IsNotAvailable(text))
            return "N/A";
        var parsed = MeasuredValueParser.Parse(text, indicator.TargetKind, indicator.Satuan, indicator.OrdinalScale);
        return parsed.Success ? Value(parsed.Value, indicator, profile, realisasi) : text;
    }

    /// <summary>
    /// A figure stored as text without its indicator (an audit entry's value, a printed capaian) written the
    /// Indonesian way ("50.05%" gives "50,05%"), with the decimals it was written with; null when the text is not
    /// a plain number, a range or a number with a note, so the caller shows it as it is.
    /// </summary>
    public static string? Figure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || MeasuredValueParser.IsNotAvailable(text))
            return null;
        // "1762 Orang": the number, then its satuan as a word
        var counted = CountWithWord().Match(text.Trim());
        var (number, word) = counted.Success ? (counted.Groups["n"].Value, SatuanWord(counted.Groups["w"].Value)) : (text, null);
        var parsed = MeasuredValueParser.Parse(number, TargetKind.Number, "");
        if (!parsed.Success || parsed.Value is not (NumberValue or RangeValue))
            return null;
        var shown = parsed.Value.Display(6, RoundingMode.HalfUp);
        return word is null ? shown : shown + "\u00A0" + word;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<n>[0-9][0-9.,]*)\s+(?<w>\p{L}[\p{L} ]*)$")]
    private static partial System.Text.RegularExpressions.Regex CountWithWord();

    // satuan that name a measure rather than what is counted: "72,5 indeks" is not how a report writes an index
    private static readonly HashSet<string> Measures = new(StringComparer.OrdinalIgnoreCase)
    {
        "persen", "%", "indeks", "indek", "nilai", "skor", "poin", "predikat", "level", "tingkat", "rasio", "kategori", "opini", "angka", "-",
    };

    /// <summary>
    /// The satuan as a word after a number, in running text: common nouns in lower case ("orang", "dokumen"),
    /// acronyms kept ("OPD", "UMKM"); null when the satuan names a measure (persen, indeks, nilai) or is empty.
    /// </summary>
    public static string? SatuanWord(string? satuan)
    {
        var s = satuan?.Trim();
        if (string.IsNullOrEmpty(s) || Measures.Contains(s))
            return null;
        var acronym = s.Any(char.IsLetter) && s.Where(char.IsLetter).All(char.IsUpper) && s.Length > 1;
        return acronym ? s : s.ToLowerInvariant();
    }
}
