using System.Collections.Frozen;

namespace Kinerja.Data;

/// <summary>A province ("32", Jawa Barat) or a regency/city ("32.04", Kabupaten Bandung) of the Kemendagri list.</summary>
public sealed record Region(string Code, string Name, string? ProvinceCode)
{
    public bool IsProvince => ProvinceCode is null;
}

/// <summary>
/// The Kemendagri region codes of provinces and regencies/cities, from the npm package idn-area-data 4.0.1
/// (data under the Open Database License; Regions/LICENSE-ODbL.md, docs/national.md). Embedded in this assembly.
/// </summary>
public static class Regions
{
    private static readonly Lazy<FrozenDictionary<string, Region>> All = new(Load);

    public static IReadOnlyCollection<Region> List => All.Value.Values;

    public static Region? Find(string? code) => code is null ? null : All.Value.GetValueOrDefault(code.Trim());

    /// <summary>The province of a code: itself for a province, its province for a regency or city.</summary>
    public static Region? ProvinceOf(string? code) => Find(code) is { } r ? r.IsProvince ? r : Find(r.ProvinceCode) : null;

    /// <summary>Null when the code is empty or on the list; else the Indonesian reason.</summary>
    public static string? Invalid(string? code) =>
        string.IsNullOrWhiteSpace(code) || Find(code) is not null ? null
        : $"kode wilayah \"{code.Trim()}\" tidak ada dalam daftar Kemendagri (provinsi \"32\" atau kabupaten/kota \"32.04\")";

    private static FrozenDictionary<string, Region> Load()
    {
        var regions = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var cells in Rows("provinces.csv"))
            regions[cells[0]] = new Region(cells[0], cells[1], null);
        foreach (var cells in Rows("regencies.csv"))
            regions[cells[0]] = new Region(cells[0], cells[2], cells[1]);
        return regions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(Regions).Assembly.GetManifestResourceStream("Kinerja.Data.Regions." + file)
            ?? throw new InvalidOperationException("daftar wilayah tidak tertanam: " + file);
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                yield return SplitCsv(line);
        }
    }

    // the files quote names holding a comma; no name holds a quote
    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var i = 0;
        while (i <= line.Length)
        {
            if (i < line.Length && line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                cells.Add(line[(i + 1)..end]);
                i = end + 2;
            }
            else
            {
                var end = line.IndexOf(',', i);
                if (end < 0)
                    end = line.Length;
                cells.Add(line[i..end]);
                i = end + 1;
            }
        }

        return [.. cells];
    }
}
