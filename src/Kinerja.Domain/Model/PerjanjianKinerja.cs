using Kinerja.Domain.Values;

namespace Kinerja.Domain.Model;

public enum PkVersionKind
{
    /// <summary>The agreement signed at the start of the year.</summary>
    Awal,

    /// <summary>An amendment during the year (new budget, new targets or a new official).</summary>
    Perubahan,
}

/// <summary>Which Perjanjian Kinerja of a year: the awal (number 0) or perubahan 1, 2, ... in the order signed.</summary>
public readonly record struct PkVersionId(PkVersionKind Kind, int Number) : IComparable<PkVersionId>
{
    public static PkVersionId Awal { get; } = new(PkVersionKind.Awal, 0);

    public static PkVersionId Perubahan(int number) =>
        number >= 1 ? new(PkVersionKind.Perubahan, number) : throw new ArgumentOutOfRangeException(nameof(number), number, "perubahan dinomori mulai 1");

    /// <summary>"awal" or "perubahan-2": the workbook's spelling.</summary>
    public string Code => Kind == PkVersionKind.Awal ? "awal" : "perubahan-" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Perjanjian Kinerja", "Perjanjian Kinerja Perubahan", "Perjanjian Kinerja Perubahan Ke-2".</summary>
    public string Title => Kind == PkVersionKind.Awal
        ? "Perjanjian Kinerja"
        : Number == 1 ? "Perjanjian Kinerja Perubahan" : "Perjanjian Kinerja Perubahan Ke-" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int CompareTo(PkVersionId other) => (Kind == PkVersionKind.Awal ? 0 : Number).CompareTo(other.Kind == PkVersionKind.Awal ? 0 : other.Number);

    public static bool operator <(PkVersionId left, PkVersionId right) => left.CompareTo(right) < 0;

    public static bool operator <=(PkVersionId left, PkVersionId right) => left.CompareTo(right) <= 0;

    public static bool operator >(PkVersionId left, PkVersionId right) => left.CompareTo(right) > 0;

    public static bool operator >=(PkVersionId left, PkVersionId right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Accepts "awal", "PK", "Perjanjian Kinerja" (the awal), "perubahan" (perubahan 1), "perubahan-2",
    /// "Perubahan 2", "PK Perubahan Ke-2", "Perubahan II".
    /// </summary>
    public static ParseResult<PkVersionId> Parse(string? text)
    {
        const string expected = "versi PK ditulis awal, perubahan-1, perubahan-2, ...";
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<PkVersionId>.Fail("versi PK kosong; " + expected);
        var s = text.Trim().ToUpperInvariant();
        foreach (var prefix in new[] { "PERJANJIAN KINERJA", "PK" })
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                s = s[prefix.Length..].Trim();
                break;
            }
        }

        if (s is "" or "AWAL")
            return ParseResult<PkVersionId>.Ok(Awal);
        if (!s.StartsWith("PERUBAHAN", StringComparison.Ordinal))
            return ParseResult<PkVersionId>.Fail($"\"{text}\": {expected}");
        var rest = s["PERUBAHAN".Length..].Trim().TrimStart('-').Trim();
        if (rest.StartsWith("KE", StringComparison.Ordinal))
            rest = rest[2..].Trim().TrimStart('-').Trim();
        if (rest.Length == 0)
            return ParseResult<PkVersionId>.Ok(Perubahan(1));
        int? number = rest switch
        {
            "I" => 1,
            "II" => 2,
            "III" => 3,
            "IV" => 4,
            "V" => 5,
            _ => rest.All(char.IsAsciiDigit) && rest.Length <= 2 ? int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return number is >= 1 ? ParseResult<PkVersionId>.Ok(Perubahan(number.Value)) : ParseResult<PkVersionId>.Fail($"\"{text}\": {expected}");
    }

    public override string ToString() => Code;
}

/// <summary>
/// One Perjanjian Kinerja of the year as signed: who signed it and when, and the budget it promised
/// (the pagu at the time, not the year-end realisasi budget). Targets are the Target rows whose document
/// names this version or an earlier one (<see cref="PerjanjianKinerja.TargetOf"/>).
/// </summary>
public sealed record PkVersion
{
    public required PkVersionId Id { get; init; }

    public SigningDate? SignedOn { get; init; }

    /// <summary>Where it was signed; null = the profile's signing place.</summary>
    public string? Place { get; init; }

    /// <summary>Who promises (pihak pertama); null = the head of the top unit.</summary>
    public Official? FirstParty { get; init; }

    /// <summary>The superior who agrees (pihak kedua); null = the profile's superior.</summary>
    public Official? SecondParty { get; init; }

    /// <summary>Whether the workbook says this is a one-party statement; null = decided by <see cref="PerjanjianKinerja.IsOneParty"/>.</summary>
    public bool? OnePartyEntered { get; init; }

    /// <summary>Pagu per program/kegiatan/sub kegiatan as this version printed it.</summary>
    public IReadOnlyList<PkBudgetLine> Budget { get; init; } = [];

    /// <summary>Row on the PK sheet, to point findings at.</summary>
    public int SourceRow { get; init; }
}

/// <summary>A line of a PK version's budget (sheet AnggaranPK): code, name, level, parent and pagu.</summary>
public sealed record PkBudgetLine
{
    public required PkVersionId Version { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? ParentCode { get; init; }

    public string? Level { get; init; }

    public required decimal Pagu { get; init; }

    /// <summary>Sasaran or indicator codes this line funds.</summary>
    /// <summary>
    /// The Pejabat Pengampu: the post in charge of this programme or kegiatan where the PK names one (a ministry's PK
    /// names the Eselon I official of each programme); printed as a column only when some line has it.
    /// </summary>
    public string? Pengampu { get; init; }

    public IReadOnlyList<string> Funds { get; init; } = [];

    public int SourceRow { get; init; }
}

/// <summary>The rules that pick a PK version, its targets and its parties.</summary>
public static class PerjanjianKinerja
{
    /// <summary>The versions of the dataset in signing order; an awal without a row when only target rows name PK documents.</summary>
    public static IReadOnlyList<PkVersion> Versions(PerformanceDataset data)
    {
        var declared = data.PkVersions.OrderBy(v => v.Id).ToList();
        if (declared.Count > 0)
            return declared;
        // a workbook without a PK sheet: the awal, and one perubahan per number the Target sheet names
        var named = data.Targets.Select(t => DocumentVersion(t.Document)).OfType<PkVersionId>().Append(PkVersionId.Awal).Distinct().OrderBy(v => v);
        return named.Select(id => new PkVersion { Id = id }).ToList();
    }

    /// <summary>
    /// The PK Perubahan being prepared, or null: the latest version on the PK sheet when it is a perubahan
    /// without a signing date and an earlier version exists. It is not in force until signed (its targets
    /// measure nothing, <see cref="PerformanceDataset.TargetFor"/>); an awal or a version only implied by
    /// the Target sheet is never a draft, so a workbook that records no dates reads as before.
    /// </summary>
    public static PkVersion? Draft(PerformanceDataset data)
    {
        if (data.PkVersions.Count < 2)
            return null;
        var latest = data.PkVersions.MaxBy(v => v.Id)!;
        return latest is { SignedOn: null, Id.Kind: PkVersionKind.Perubahan } ? latest : null;
    }

    /// <summary>The version in force: the latest one that is not a draft.</summary>
    public static PkVersion InForce(PerformanceDataset data)
    {
        var versions = Versions(data);
        return Draft(data) is { } draft ? versions.Last(v => v.Id != draft.Id) : versions[^1];
    }

    /// <summary>
    /// The version a report asks for: "awal", "perubahan" (the latest perubahan, a draft included),
    /// "perubahan-2"; null = the version in force (<see cref="InForce"/>). Null when the asked version does not exist.
    /// </summary>
    public static PkVersion? Find(PerformanceDataset data, string? requested)
    {
        var versions = Versions(data);
        if (string.IsNullOrWhiteSpace(requested))
            return InForce(data);
        var id = PkVersionId.Parse(requested);
        if (!id.Success)
            return null;
        var bare = string.Equals(requested.Trim(), "perubahan", StringComparison.OrdinalIgnoreCase);
        return bare
            ? versions.LastOrDefault(v => v.Id.Kind == PkVersionKind.Perubahan)
            : versions.FirstOrDefault(v => v.Id == id.Value);
    }

    /// <summary>The PK version a Target row's document names: "PK" the awal, "PK Perubahan 2" the second perubahan; null for Renstra or unnamed.</summary>
    public static PkVersionId? DocumentVersion(string? document)
    {
        if (string.IsNullOrWhiteSpace(document) || document.Contains("Renstra", StringComparison.OrdinalIgnoreCase))
            return null;
        var parsed = PkVersionId.Parse(document);
        return parsed.Success ? parsed.Value : null;
    }

    /// <summary>
    /// The target of an indicator in a version: the row of the latest version up to this one that sets it
    /// (a perubahan that changes only the budget keeps the awal's targets), else the year's target by
    /// the usual precedence.
    /// </summary>
    public static Target? TargetOf(PerformanceDataset data, string indicatorCode, Period period, PkVersionId version)
    {
        var fromPk = data.TargetsOf(indicatorCode)
            .Where(t => t.Period == period)
            .Select(t => (Target: t, Version: DocumentVersion(t.Document)))
            .Where(t => t.Version is { } v && v.CompareTo(version) <= 0)
            .OrderBy(t => t.Version!.Value)
            .Select(t => t.Target)
            .LastOrDefault();
        return fromPk ?? data.TargetsOf(indicatorCode).Where(t => t.Period == period && DocumentVersion(t.Document) is null)
            .OrderBy(t => PerformanceDataset.DocumentPrecedence(t.Document)).LastOrDefault();
    }

    /// <summary>The first party: the version's own, else the head of the top unit.</summary>
    public static Official? FirstParty(PerformanceDataset data, PkVersion version) =>
        version.FirstParty ?? TopUnit(data)?.Head;

    /// <summary>The second party: the version's own, else the profile's superior.</summary>
    public static Official? SecondParty(PerformanceDataset data, PkVersion version) =>
        version.SecondParty ?? data.Profile.Superior;

    /// <summary>
    /// A one-party statement ("yang bertanda tangan di bawah ini ... berjanji") is what the top of a K/L or a
    /// Kepala Daerah signs: a political office holder answers to no second party on the PK. The workbook may
    /// say so explicitly (the head of an LPNK).
    /// </summary>
    public static bool IsOneParty(PerformanceDataset data, PkVersion version) =>
        version.OnePartyEntered ?? FirstParty(data, version)?.IsPoliticalOffice ?? false;

    /// <summary>The unit at the top of the organisation (no parent).</summary>
    public static OrgUnit? TopUnit(PerformanceDataset data) =>
        data.Units.FirstOrDefault(u => string.IsNullOrEmpty(u.ParentCode)) ?? data.Units.FirstOrDefault();
}
