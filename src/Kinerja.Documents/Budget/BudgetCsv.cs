using Kinerja.Documents.Csv;
using System.Text;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Budget;

/// <summary>
/// Reads budget lines from the flat CSV that finance systems export: code, name, pagu, realisasi (blokir
/// and parent optional), separated by ";" or ",", amounts the Indonesian way ("12.081.204.858") or plain.
/// The separator is the one of the first line: ";" when it has one, "," otherwise; with "," an amount
/// holding commas must be quoted. A first line whose pagu is not a number is a header naming the columns
/// (Kode/Code, Nama/Uraian/Name, Pagu, Blokir, Realisasi, Induk/Parent, Penyerapan, Tingkat, Level) in any
/// order; without a header the order is code, name, pagu, realisasi. A row without pagu and realisasi is a
/// heading. Parents are the Induk column, else the Tingkat (depth), else taken from the code (2176.BAA.001
/// under 2176.BAA). Every line carries the file name, so findings name the CSV. Every error is collected with file, line and column before the file is
/// refused. Records are lines: a quoted field cannot span lines.
/// </summary>
public static class BudgetCsv
{
    private const string SheetName = "CSV";

    private static readonly Dictionary<string, string> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kode"] = "code", ["code"] = "code", ["kd"] = "code", ["kode anggaran"] = "code", ["kode akun"] = "code",
        ["nama"] = "name", ["name"] = "name", ["uraian"] = "name", ["nama anggaran"] = "name", ["keterangan"] = "name",
        ["pagu"] = "pagu", ["anggaran"] = "pagu", ["pagu anggaran"] = "pagu",
        ["blokir"] = "blokir",
        ["realisasi"] = "realisasi", ["realisasi anggaran"] = "realisasi",
        ["induk"] = "parent", ["parent"] = "parent", ["kode induk"] = "parent",
        ["penyerapan"] = "absorption", ["penyerapan (%)"] = "absorption", ["penyerapan %"] = "absorption", ["%"] = "absorption", ["persentase"] = "absorption", ["penyerapan tercetak"] = "absorption",
        ["tingkat"] = "depth", ["level"] = "level", ["jenis"] = "level",
    };

    private static readonly string[] DefaultOrder = ["code", "name", "pagu", "realisasi"];

    public static IReadOnlyList<BudgetLine> Read(string path)
    {
        InputFile.Require(path, "berkas CSV anggaran");
        return Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));
    }

    public static IReadOnlyList<BudgetLine> Parse(string text, string fileName)
    {
        var errors = new List<ImportError>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0)
            lines[0] = lines[0].TrimStart('\uFEFF');
        var firstIndex = lines.FindIndex(l => l.Trim().Length > 0);
        if (firstIndex < 0)
            throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, SheetName, 0, ""), "berkas CSV kosong")]);
        var separator = CsvLine.DetectSeparator(lines[firstIndex]);

        var columns = DefaultOrder;
        var first = CsvLine.Split(lines[firstIndex], separator, out _);
        var dataStart = firstIndex;
        if (first.Count < 3 || !IndonesianNumber.Parse(CleanAmount(first[2])).Success)
        {
            // a header line: map its names to columns
            columns = new string[first.Count];
            for (var i = 0; i < first.Count; i++)
            {
                var name = first[i].Trim();
                if (!HeaderNames.TryGetValue(name, out var column))
                {
                    errors.Add(new ImportError(Location(fileName, firstIndex + 1, name, i), $"kolom \"{name}\" tidak dikenal; kolom yang sah: Kode, Nama, Pagu, Blokir, Realisasi, Induk, Penyerapan, Tingkat, Level"));
                    column = "";
                }

                columns[i] = column;
            }

            foreach (var required in DefaultOrder.Where(r => !columns.Contains(r)))
                errors.Add(new ImportError(Location(fileName, firstIndex + 1, required, -1), $"kolom \"{required}\" tidak ada di baris judul"));
            dataStart = firstIndex + 1;
        }

        var result = new List<BudgetLine>();
        for (var index = dataStart; index < lines.Count && errors.Count < 200; index++)
        {
            if (lines[index].Trim().Length == 0)
                continue;
            var row = index + 1;
            var fields = CsvLine.Split(lines[index], separator, out var unclosedQuote);
            if (unclosedQuote)
            {
                errors.Add(new ImportError(Location(fileName, row, "", -1), "tanda kutip tidak ditutup"));
                continue;
            }

            if (fields.Count != columns.Length)
            {
                var hint = separator == ',' ? "; bila angka memakai koma ribuan (16,651,000), beri tanda kutip atau pakai pemisah ;" : "";
                errors.Add(new ImportError(Location(fileName, row, "", -1), $"baris ini memiliki {fields.Count} kolom, seharusnya {columns.Length}{hint}"));
                continue;
            }

            string? Field(string column)
            {
                var at = Array.IndexOf(columns, column);
                var value = at < 0 ? null : fields[at].Trim();
                return string.IsNullOrEmpty(value) ? null : value;
            }

            decimal? Percent(string? text, int at)
            {
                if (text is null)
                    return null;
                var parsed = IndonesianNumber.Parse(text.TrimEnd('%').Trim());
                if (parsed.Success)
                    return parsed.Value;
                errors.Add(new ImportError(Location(fileName, at, "absorption", Array.IndexOf(columns, "absorption")), parsed.Error!));
                return null;
            }

            int? DepthOf(string? text, int at)
            {
                if (text is null)
                    return null;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var depth) && depth >= 1)
                    return depth;
                errors.Add(new ImportError(Location(fileName, at, "depth", Array.IndexOf(columns, "depth")), $"tingkat harus bilangan bulat 1 atau lebih (1 = baris teratas), bukan \"{text}\""));
                return null;
            }

            decimal? Amount(string column, bool required)
            {
                var value = Field(column);
                var at = Array.IndexOf(columns, column);
                if (value is null)
                {
                    if (required)
                        errors.Add(new ImportError(Location(fileName, row, column, at), "wajib diisi"));
                    return required ? null : 0m;
                }

                var parsed = IndonesianNumber.ParseAmount(CleanAmount(value));
                if (parsed.Success)
                    return parsed.Value;
                errors.Add(new ImportError(Location(fileName, row, column, at), parsed.Error!));
                return null;
            }

            // a row without pagu and realisasi is a heading ("Dinas", "UPTD", a program title): its figures are its rows'
            var heading = Field("pagu") is null && Field("realisasi") is null;
            var code = Field("code");
            var name = Field("name");
            if (code is null && !(heading && name is not null))
                errors.Add(new ImportError(Location(fileName, row, "code", Array.IndexOf(columns, "code")), "wajib diisi"));
            if (heading)
            {
                foreach (var column in new[] { "blokir", "absorption" }.Where(c => Field(c) is not null))
                    errors.Add(new ImportError(Location(fileName, row, column, Array.IndexOf(columns, column)), "baris judul (pagu dan realisasi kosong) tidak boleh berisi angka lain"));
            }

            var pagu = heading ? 0m : Amount("pagu", true);
            // a blank blokir is "not given" (null), unlike a written 0
            var blokir = Field("blokir") is null ? null : Amount("blokir", false);
            var realisasi = heading ? 0m : Amount("realisasi", true);
            var absorption = Percent(Field("absorption"), row);
            var depth = DepthOf(Field("depth"), row);
            if ((code is null && !heading) || pagu is null || realisasi is null || (Field("blokir") is not null && blokir is null))
                continue;
            result.Add(new BudgetLine
            {
                Code = code ?? "",
                Name = name ?? code ?? "",
                ParentCode = Field("parent"),
                Level = Field("level"),
                Depth = depth,
                IsHeading = heading,
                Pagu = pagu.Value,
                Blokir = blokir,
                Realisasi = realisasi.Value,
                PrintedAbsorption = absorption,
                SourceRow = row,
                Source = fileName,
            });
        }

        if (errors.Count > 0)
            throw new WorkbookImportException(errors);
        if (result.Count == 0)
            throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, SheetName, 0, ""), "tidak ada baris anggaran")]);
        var inferred = BudgetCodes.InferParents(result);
        if (BudgetOverflow.Find(inferred) is { } overflow)
            throw new WorkbookImportException([new ImportError(Location(fileName, overflow.Lines[0].SourceRow, "pagu", Array.IndexOf(columns, "pagu")), InputFile.BudgetOverflowMessage(overflow.What, overflow.Lines, l => $"baris {l.SourceRow}"))]);
        return inferred;
    }

    private static SourceLocation Location(string file, int row, string column, int index) =>
        new(file, SheetName, row, column, index >= 0 ? XlsxWorkbook.ColumnLetter(index) + row : null);


    private static string CleanAmount(string text) => text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(",-", "", StringComparison.Ordinal).Trim();
}
