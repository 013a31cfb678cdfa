using System.Globalization;
using System.Text.Json;

namespace Kinerja.Domain.Evaluation;

/// <summary>
/// Reads a worksheet file (JSON, field names in Indonesian as the file is read by evaluators) and refuses one
/// whose weights do not add up: components to 100, sub-components to their component; every criterion's
/// scale must exist and every scale must reach 1 (full marks). Errors name the place in the file.
/// </summary>
public static class WorksheetReader
{
    public const string ResourcePrefix = "Kinerja.Domain.Evaluation.Worksheets.";

    /// <summary>The worksheets shipped in this assembly (one per embedded file), parsed once.</summary>
    public static IReadOnlyList<Worksheet> Shipped => ShippedSheets.Value;

    /// <summary>The default worksheet for a new round: PermenPANRB 88/2021.</summary>
    public static Worksheet Default => Shipped.First(w => w.Id == "permenpanrb-88-2021");

    public static Worksheet? Find(string key) => Shipped.FirstOrDefault(w => w.Key == key);

    /// <summary>The file text of a shipped worksheet, stored with a round so that it keeps its worksheet.</summary>
    public static string ShippedText(string key) => ShippedFiles.Value.First(f => f.Sheet.Key == key).Text;

    /// <summary>The text of a shipped data file beside the worksheets (e.g. the pre-fill rules), or null.</summary>
    public static string? ResourceText(string fileName)
    {
        using var stream = typeof(WorksheetReader).Assembly.GetManifestResourceStream(ResourcePrefix + fileName);
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly Lazy<IReadOnlyList<(Worksheet Sheet, string Text)>> ShippedFiles = new(() =>
    {
        var assembly = typeof(WorksheetReader).Assembly;
        var list = new List<(Worksheet, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith(".aturan.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var text = ResourceText(name[ResourcePrefix.Length..])!;
            var result = Read(text);
            list.Add(result.Success ? (result.Value, text) : throw new InvalidOperationException($"{name}: {result.Error}"));
        }

        return list;
    });

    private static readonly Lazy<IReadOnlyList<Worksheet>> ShippedSheets = new(() => ShippedFiles.Value.Select(f => f.Sheet).ToList());

    public static Values.ParseResult<Worksheet> Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Values.ParseResult<Worksheet>.Fail("lembar kerja bukan JSON yang sah: " + e.Message);
        }
    }

    public static Values.ParseResult<Worksheet> Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    public static Values.ParseResult<Worksheet> Read(JsonElement root)
    {
        var errors = new List<string>();
        try
        {
            var scales = root.GetProperty("skala").EnumerateArray().Select(s => new AnswerScale(
                Str(s, "kode"), Str(s, "nama"),
                s.GetProperty("jawaban").EnumerateArray().Select(a => new AnswerOption(Str(a, "kode"), Str(a, "label"), a.GetProperty("nilai").GetDecimal())).ToList())).ToList();
            var grades = root.GetProperty("predikat").EnumerateArray().Select(g => new GradeBand(
                Str(g, "kode"), g.GetProperty("lebihDari").ValueKind == JsonValueKind.Null ? null : g.GetProperty("lebihDari").GetDecimal(), Str(g, "interpretasi"))).ToList();
            var components = root.GetProperty("komponen").EnumerateArray().Select(c => new Component(
                Str(c, "kode"), Str(c, "nama"), c.GetProperty("bobot").GetDecimal(),
                c.GetProperty("subKomponen").EnumerateArray().Select(s => new SubComponent(
                    Str(s, "kode"), Str(s, "jenis"), Str(s, "nama"), s.GetProperty("bobot").GetDecimal(),
                    s.GetProperty("kriteria").EnumerateArray().Select(k => new Criterion(
                        Str(k, "kode"), Str(k, "teks"), Str(k, "skala"),
                        k.TryGetProperty("catatanTeks", out var n) ? n.GetString() : null)).ToList())).ToList())).ToList();
            var sheet = new Worksheet
            {
                Id = Str(root, "id"),
                Version = Str(root, "versi"),
                Title = Str(root, "judul"),
                Regulation = Str(root, "dasar"),
                Note = root.TryGetProperty("catatan", out var note) ? note.GetString() : null,
                Scales = scales,
                Grades = grades,
                Components = components,
            };
            errors.AddRange(Problems(sheet));
            return errors.Count == 0 ? Values.ParseResult<Worksheet>.Ok(sheet) : Values.ParseResult<Worksheet>.Fail(string.Join("; ", errors));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Values.ParseResult<Worksheet>.Fail("lembar kerja tidak lengkap: " + e.Message);
        }
    }

    /// <summary>What is wrong with a worksheet's numbers, in Indonesian; empty when it adds up.</summary>
    public static IEnumerable<string> Problems(Worksheet sheet)
    {
        static string N(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');
        var total = sheet.Components.Sum(c => c.Weight);
        if (total != 100m)
            yield return $"bobot komponen berjumlah {N(total)}, seharusnya 100";
        foreach (var component in sheet.Components)
        {
            var sum = component.SubComponents.Sum(s => s.Weight);
            if (sum != component.Weight)
                yield return $"komponen {component.Code} ({component.Name}): bobot sub-komponen berjumlah {N(sum)}, seharusnya {N(component.Weight)}";
            foreach (var sub in component.SubComponents)
            {
                if (!sub.Code.StartsWith(component.Code + ".", StringComparison.Ordinal))
                    yield return $"sub-komponen {sub.Code} tidak berkode di bawah komponen {component.Code}";
                if (sub.Criteria.Count == 0)
                    yield return $"sub-komponen {sub.Code} tidak punya kriteria";
                foreach (var criterion in sub.Criteria)
                {
                    if (criterion.SubComponentCode != sub.Code)
                        yield return $"kriteria {criterion.Code} tidak berkode di bawah sub-komponen {sub.Code}";
                    if (sheet.Scales.All(s => s.Code != criterion.ScaleCode))
                        yield return $"kriteria {criterion.Code}: skala \"{criterion.ScaleCode}\" tidak ada";
                }
            }
        }

        foreach (var duplicate in sheet.Criteria.GroupBy(c => c.Code).Where(g => g.Count() > 1))
            yield return $"kode kriteria {duplicate.Key} dipakai lebih dari sekali";
        foreach (var scale in sheet.Scales.Where(s => s.Options.Count == 0 || s.Options.Max(o => o.Value) != 1m || s.Options.Any(o => o.Value < 0m || o.Value > 1m)))
            yield return $"skala {scale.Code}: nilai jawaban harus antara 0 dan 1 dengan nilai tertinggi 1";
        if (sheet.Grades.Count == 0 || sheet.Grades[^1].Above is not null)
            yield return "predikat terakhir harus tanpa batas bawah (lebihDari: null)";
        for (var i = 1; i < sheet.Grades.Count; i++)
        {
            if (sheet.Grades[i].Above is { } b && sheet.Grades[i - 1].Above is { } a && b >= a)
                yield return $"predikat {sheet.Grades[i].Grade} harus di bawah {sheet.Grades[i - 1].Grade}";
        }
    }

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new FormatException($"\"{name}\" kosong");
}
