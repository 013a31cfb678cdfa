using Kinerja.Domain.Model;

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
}
