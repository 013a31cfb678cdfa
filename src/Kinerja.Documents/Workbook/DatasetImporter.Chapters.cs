using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>Sheets Penghargaan, Inovasi and TindakLanjut: the Laporan Kinerja's chapters that are text, not figures.</summary>
public sealed partial class DatasetImporter
{
    private List<Award> ReadAwards() =>
        Rows("awards").Select(row => (Row: row, Name: Required(row, "name"), Year: Year(row, "year")))
            .Where(x => x.Name is not null)
            .Select(x => new Award(x.Year, x.Name!, Text(x.Row, "giver"), Text(x.Row, "level"), Text(x.Row, "note"))).ToList();

    private List<Innovation> ReadInnovations(HashSet<string> unitCodes)
    {
        var innovations = new List<Innovation>();
        foreach (var row in Rows("innovations"))
        {
            var name = Required(row, "name");
            var unit = Text(row, "unit");
            if (unit is not null && !unitCodes.Contains(unit))
                Error(Where(row, "unit"), $"unit \"{unit}\" tidak ada di sheet Unit");
            var year = Year(row, "year");
            if (name is not null)
                innovations.Add(new Innovation(name, Text(row, "description"), unit, year));
        }

        return innovations;
    }

    private List<EvaluationFollowUp> ReadFollowUps() =>
        Rows("followUps").Select(row => (Row: row, Recommendation: Required(row, "recommendation")))
            .Where(x => x.Recommendation is not null)
            .Select(x => new EvaluationFollowUp(Text(x.Row, "source"), x.Recommendation!, Text(x.Row, "action"), Text(x.Row, "status"))).ToList();

    private List<ProblemRow> ReadProblems() =>
        Rows("problems").Select(row => new ProblemRow(Text(row, "number"), Text(row, "mainProblem"), Text(row, "problem"), Text(row, "rootCause")))
            .Where(p => p.Number is not null || p.MainProblem is not null || p.Problem is not null || p.RootCause is not null).ToList();

    private List<StrategicIssueRow> ReadStrategicIssues() =>
        Rows("strategicIssues").Select(row => new StrategicIssueRow(Text(row, "potential"), Text(row, "problem"), Text(row, "klhs"), Text(row, "global"), Text(row, "national"), Text(row, "regional"), Text(row, "issue")))
            .Where(i => new[] { i.Potential, i.Problem, i.Klhs, i.Global, i.National, i.Regional, i.Issue }.Any(t => t is not null)).ToList();

    /// <summary>
    /// The supporting-programme table (sheet ProgramPendukung): a sasaran on sheet Rencana, a programme, a year, its
    /// target and realisasi as printed; a programme is entered once per year.
    /// </summary>
    private List<SupportingProgram> ReadSupportingPrograms(HashSet<string> planCodes)
    {
        var programs = new List<SupportingProgram>();
        var seen = new Dictionary<(string, string, int), RawRow>();
        foreach (var row in Rows("supportingPrograms"))
        {
            var goal = Required(row, "goal");
            if (goal is not null && !planCodes.Contains(goal))
                Error(Where(row, "goal"), $"sasaran \"{goal}\" tidak ada di sheet Rencana");
            var name = Required(row, "name");
            int? year = Text(row, "year") is null ? null : Year(row, "year");
            if (Text(row, "year") is null)
                Error(Where(row, "year"), "wajib diisi, mis. 2024");
            var target = Quantity(row, "target");
            var realisasi = Quantity(row, "realisasi");
            var subtracted = Choice(row, "subtract", YesNo, false) ?? false;
            if (goal is null || name is null || year is null || !planCodes.Contains(goal))
                continue;
            var key = (goal.ToUpperInvariant(), name.ToUpperInvariant(), year.Value);
            if (seen.TryGetValue(key, out var first))
            {
                Error(Where(row, "year"), $"program \"{name}\" tahun {year} pada sasaran {goal} diisi lebih dari sekali; pertama di {RowName("supportingPrograms", first.Row)}");
                continue;
            }

            seen[key] = row;
            programs.Add(new SupportingProgram(goal, name, year.Value, target, realisasi) { Satuan = Text(row, "satuan"), Subtracted = subtracted, SourceRow = row.Row });
        }

        return programs;
    }

    /// <summary>A count or amount as printed ("142.455", "(9.726.743)" for a subtracted figure); empty = none.</summary>
    private decimal? Quantity(RawRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        var body = text.Trim();
        if (body.StartsWith('(') && body.EndsWith(')'))
            body = body[1..^1];
        var parsed = IndonesianNumber.Parse(body);
        if (parsed.Success && parsed.Value >= 0)
            return parsed.Value;
        Error(Where(row, column), parsed.Success ? $"\"{text}\" tidak boleh negatif; tandai baris pengurang dengan kolom Pengurang = Ya" : parsed.Error!);
        return null;
    }

    /// <summary>A year as 2025; anything else is refused with its cell.</summary>
    private int? Year(RawRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        if (text.Length == 4 && text.All(char.IsAsciiDigit))
            return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Error(Where(row, column), $"tahun \"{text}\" harus empat angka, mis. 2025");
        return null;
    }

    /// <summary>Largest logo accepted: a cover logo is a small image; a photograph of a page is a mistake.</summary>
    public const int MaxLogoBytes = 1024 * 1024;

    /// <summary>
    /// The cover logo: a data URI ("data:image/png;base64,...") in JSON, the image placed on the Profil sheet in a
    /// .xlsx (read into the same form). It must be a PNG or JPEG by its first bytes, whatever the URI says, and at most 1 MB.
    /// </summary>
    private Logo? ReadLogo(RawRow row)
    {
        var text = Text(row, "logo");
        if (text is null)
            return null;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (!text.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) || comma < 0 || !text[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            Error(Where(row, "logo"), "logo harus gambar PNG atau JPEG: letakkan gambar di sheet Profil, atau pada JSON tulis \"data:image/png;base64,...\"");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text[(comma + 1)..].Trim());
        }
        catch (FormatException)
        {
            Error(Where(row, "logo"), "isi logo bukan base64 yang sah");
            return null;
        }

        if (bytes.Length > MaxLogoBytes)
        {
            Error(Where(row, "logo"), $"logo {(bytes.Length / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)} KB melebihi batas 1 MB; perkecil gambarnya");
            return null;
        }

        var png = bytes is [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..];
        var jpeg = bytes is [0xFF, 0xD8, 0xFF, ..];
        if (!png && !jpeg)
        {
            Error(Where(row, "logo"), "logo bukan gambar PNG atau JPEG (isi berkasnya tidak dikenali); simpan ulang sebagai PNG");
            return null;
        }

        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(bytes));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            Error(Where(row, "logo"), "gambar logo rusak dan tidak dapat dibaca");
            return null;
        }

        return new Logo(bytes, png, codec.Info.Width, codec.Info.Height);
    }
}
