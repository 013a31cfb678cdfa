using System.Text;

namespace Kinerja.Domain.Budget;

/// <summary>One official entry: its code as the list writes it (X.XX for "any bidang urusan"), its level and its name.</summary>
public sealed record NomenclatureEntry(string Code, string Level, string Name, string Origin);

/// <summary>The nearest official entry to a code or a name, and how far its name is from the one written.</summary>
public sealed record NomenclatureMatch(NomenclatureEntry Entry, int Distance);

/// <summary>
/// The official code lists a budget is written in (docs/imports.md): the Kepmendagri nomenclature of urusan, bidang
/// urusan, program, kegiatan and sub kegiatan for Pemda, and the K/L structure codes (program, kegiatan, KRO, akun).
/// Each list is a versioned data file shipped inside the assembly; its header names its source and what it covers.
/// Only codes inside the coverage are judged: a list that holds part of the nomenclature cannot call a code of
/// another bidang urusan unknown.
/// </summary>
public sealed class Nomenclature
{
    private readonly Dictionary<string, NomenclatureEntry> _byCode;

    private Nomenclature(string file, string version, string source, IReadOnlyList<string> coverage, IReadOnlyList<NomenclatureEntry> entries)
    {
        File = file;
        Version = version;
        Source = source;
        Coverage = coverage;
        Entries = entries;
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
    }

    public static Nomenclature Pemda { get; } = Load("pemda.tsv");

    public static Nomenclature KL { get; } = Load("kl.tsv");

    public string File { get; }

    public string Version { get; }

    public string Source { get; }

    /// <summary>Code prefixes (2.07, X.XX.01) or kinds (akun) whose unknown codes are reported.</summary>
    public IReadOnlyList<string> Coverage { get; }

    public IReadOnlyList<NomenclatureEntry> Entries { get; }

    /// <summary>"pemda.tsv versi 2026-12-07.1": how a finding names the list it judged by.</summary>
    public string Label => $"nomenklatur {File} versi {Version}";

    public NomenclatureEntry? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The entry of a normalised Pemda code: exact, or the penunjang entry written X.XX for every bidang.</summary>
    public NomenclatureEntry? FindPemda(string code)
    {
        if (_byCode.TryGetValue(code, out var entry))
            return entry;
        return PemdaCodes.Generic(code) is { } generic ? _byCode.GetValueOrDefault(generic) : null;
    }

    /// <summary>Whether the list covers a normalised Pemda code, so a code it does not hold is unknown rather than unjudged.</summary>
    public bool CoversPemda(string code)
    {
        var parts = code.Split('.');
        if (parts.Length < 3)
            return false;
        // the list holds the kabupaten/kota kegiatan (x.xx.xx.2.xx); a provincial kegiatan (x.xx.xx.1.xx) is not judged
        if (parts.Length >= 5 && parts[3] != "2")
            return false;
        var bidang = parts[0] + "." + parts[1];
        return Coverage.Contains(bidang, StringComparer.Ordinal) || (parts[2] == "01" && Coverage.Contains("X.XX.01", StringComparer.Ordinal));
    }

    /// <summary>
    /// The entry nearest to an unknown Pemda code: the entries under its longest known parent code (by the code's
    /// prefix), the one whose name is nearest the name written; the parent itself when it has no entries of that level.
    /// </summary>
    public NomenclatureMatch? NearestPemda(string code, string name)
    {
        var parts = code.Split('.');
        for (var length = parts.Length - 1; length >= 1; length--)
        {
            var prefix = string.Join('.', parts.Take(length));
            var parent = FindPemda(prefix);
            if (parent is null)
                continue;
            var parentKey = parent.Code;
            var siblings = Entries.Where(e => e.Code.StartsWith(parentKey + ".", StringComparison.Ordinal) && e.Code.Count(c => c == '.') == code.Count(c => c == '.')).ToList();
            if (siblings.Count == 0)
                return new NomenclatureMatch(parent, Distance(name, parent.Name));
            return siblings.Select(e => new NomenclatureMatch(e, Distance(name, e.Name))).MinBy(m => m.Distance);
        }

        return null;
    }

    /// <summary>The entry of the same level whose name is nearest the one written (a code filled in from the wrong row).</summary>
    public NomenclatureMatch? NearestByName(string level, string name) =>
        Entries.Where(e => e.Level == level).Select(e => new NomenclatureMatch(e, Distance(name, e.Name))).MinBy(m => m.Distance);

    /// <summary>
    /// Whether two names are the same official name: case, punctuation, spacing and a leading "Program"/"Kegiatan"/
    /// "Sub Kegiatan" are not differences (SIPD prints "PROGRAM PENEMPATAN TENAGA KERJA", reports "Penempatan Tenaga Kerja").
    /// </summary>
    public static bool SameName(string a, string b) => Key(a) == Key(b);

    /// <summary>Edit distance (Levenshtein) between the compared forms of two names.</summary>
    public static int Distance(string a, string b)
    {
        var x = Key(a);
        var y = Key(b);
        var previous = new int[y.Length + 1];
        var current = new int[y.Length + 1];
        for (var j = 0; j <= y.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= y.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[y.Length];
    }

    private static string Key(string name)
    {
        var text = name.Trim();
        foreach (var prefix in new[] { "sub kegiatan ", "kegiatan ", "program " })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    private static Nomenclature Load(string file)
    {
        var assembly = typeof(Nomenclature).Assembly;
        using var stream = assembly.GetManifestResourceStream("Kinerja.Domain.Budget.Nomenclature." + file)
            ?? throw new InvalidOperationException($"nomenclature {file} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string version = "", source = "";
        IReadOnlyList<string> coverage = [];
        var entries = new List<NomenclatureEntry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            if (line.StartsWith('#'))
            {
                switch (fields[0])
                {
                    case "# versi" when fields.Length > 1: version = fields[1]; break;
                    case "# sumber" when fields.Length > 1: source = fields[1]; break;
                    case "# cakupan" when fields.Length > 1: coverage = fields[1].Split(';'); break;
                }

                continue;
            }

            if (fields.Length != 4)
                throw new InvalidOperationException($"nomenclature {file}: line \"{line}\" does not have 4 fields");
            entries.Add(new NomenclatureEntry(fields[0], fields[1], fields[2], fields[3]));
        }

        return new Nomenclature(file, version, source, coverage, entries);
    }
}

/// <summary>
/// Pemda codes in their two styles: Kepmendagri 050-5889 (2.07.02.2.01.0003: urusan . bidang . program . kegiatan
/// (2 digits after the 1-digit provinsi/kabupaten mark) . four-digit sub kegiatan) and the older forms still found in
/// files: a two-digit sub kegiatan (2.07.02.2.01.03) and the SKPD's bidang written before the programme
/// (2.07.2.07.02.2.01.03, the layout of Lampiran APBD per SKPD). Both read to the first style.
/// </summary>
public static class PemdaCodes
{
    /// <summary>The code in the Kepmendagri 050-5889 style, or null when it is not a Pemda code of either style.</summary>
    public static string? Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var parts = code.Trim().Replace(" ", "", StringComparison.Ordinal).Split('.');
        if (parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
            return null;
        // the SKPD's urusan and bidang written first (2.07.2.07.02...): the shape 1.2.1.2 at the start
        if (parts.Length is 5 or 7 or 8 && parts[0].Length == 1 && parts[1].Length == 2 && parts[2].Length == 1 && parts[3].Length == 2)
            parts = parts[2..];
        if (parts[0].Length != 1 || (parts.Length > 1 && parts[1].Length != 2) || (parts.Length > 2 && parts[2].Length != 2))
            return null;
        switch (parts.Length)
        {
            case 1 or 2 or 3:
                return string.Join('.', parts);
            case 5 when parts[3].Length == 1 && parts[4].Length == 2:
                return string.Join('.', parts);
            case 6 when parts[3].Length == 1 && parts[4].Length == 2 && parts[5].Length is >= 1 and <= 4:
                parts[5] = parts[5].PadLeft(4, '0');
                return string.Join('.', parts);
            default:
                return null;
        }
    }

    /// <summary>The level a normalised code names.</summary>
    public static string? Level(string code) => code.Count(c => c == '.') switch
    {
        0 => "Urusan",
        1 => "BidangUrusan",
        2 => "Program",
        4 => "Kegiatan",
        5 => "SubKegiatan",
        _ => null,
    };

    /// <summary>The parent code of a normalised code (the kegiatan of a sub kegiatan, ...), null at the top.</summary>
    public static string? Parent(string code)
    {
        var parts = code.Split('.');
        return parts.Length switch
        {
            6 => string.Join('.', parts[..5]),
            5 => string.Join('.', parts[..3]),
            3 => string.Join('.', parts[..2]),
            2 => parts[0],
            _ => null,
        };
    }

    /// <summary>The penunjang programme's entries are written once for every bidang: 2.07.01.2.02 is X.XX.01.2.02.</summary>
    public static string? Generic(string code)
    {
        var parts = code.Split('.');
        return parts.Length >= 3 && parts[2] == "01" ? "X.XX." + string.Join('.', parts[2..]) : null;
    }
}
