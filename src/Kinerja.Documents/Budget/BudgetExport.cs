using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Budget;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Budget;

/// <summary>Which finance system's export a file is, as far as its codes tell.</summary>
public enum BudgetExportKind
{
    /// <summary>SIPD (Pemda): program, kegiatan and sub kegiatan coded 2.07.02.2.01.0003 or the older forms.</summary>
    Sipd,

    /// <summary>KRISNA/SAKTI (K/L): kegiatan . KRO . RO . komponen . sub komponen, with akun.</summary>
    Sakti,
}

/// <summary>A budget read from a finance system's export: its lines, what it is, and whether it is a PK's budget.</summary>
public sealed record BudgetExportResult(string FileName, string Sheet, BudgetExportKind Kind, IReadOnlyList<BudgetLine> Lines)
{
    /// <summary>The title rows name the Perjanjian Kinerja: the budget belongs on sheet AnggaranPK.</summary>
    public bool IsPk { get; init; }

    /// <summary>The PK version the title names (awal, or perubahan), when <see cref="IsPk"/>.</summary>
    public PkVersionId PkVersion { get; init; } = PkVersionId.Awal;

    /// <summary>The file gives realisasi per month (SIPD's monthly realisasi export): the lines carry quarters.</summary>
    public bool HasMonths { get; init; }

    /// <summary>The lines as the PK budget (sheet AnggaranPK), for a file that is the PK's budget.</summary>
    public IReadOnlyList<PkBudgetLine> PkLines => Lines.Where(l => !l.IsHeading).Select(l => new PkBudgetLine
    {
        Version = PkVersion, Code = l.Code, Name = l.Name, ParentCode = l.ParentCode, Level = l.Level, Pagu = l.Pagu, Funds = l.Funds, SourceRow = l.SourceRow,
    }).ToList();
}

/// <summary>
/// Reads the budget exports of SIPD (RKA/DPA, "Lampiran APBD" per SKPD, monthly realisasi) and KRISNA/SAKTI (RO and
/// komponen with pagu, realisasi per akun) from .xlsx with the OpenXML SDK (docs/imports.md). Nothing is read by
/// position: the header row is the first row naming a code column and a name column, each column is recognised by
/// its header text (two header rows are read together, merged header cells fill their whole span), and rows are
/// recognised by their codes. Title rows above the header, repeated headers, subtotal rows ("Jumlah", "Total") and
/// rows without code or amount are passed over; levels and parents come from the codes, in either Pemda code style.
/// Every problem is collected with file, sheet, row and column before the file is refused.
/// </summary>
public static partial class BudgetExport
{
    private static readonly string[] Months = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];

    // sheets only a Kinerja workbook has (a finance export may well call its sheet "Realisasi" or "Anggaran")
    private static readonly string[] WorkbookSheets = [WorkbookSchema.ProfileSheet, "Indikator", "Target", "Rencana", "Unit"];

    /// <summary>Whether an .xlsx is a finance export rather than a Kinerja workbook (it has none of the workbook's own sheets).</summary>
    public static bool IsExport(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
            return false;
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var sheets = document.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToList() ?? [];
            return !sheets.Intersect(WorkbookSheets, StringComparer.OrdinalIgnoreCase).Any();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or IOException)
        {
            return false;
        }
    }

    public static BudgetExportResult Read(string path)
    {
        InputFile.Require(path, "berkas ekspor anggaran");
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    public static BudgetExportResult Read(Stream stream, string fileName)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or NotSupportedException)
        {
            throw Whole(fileName, "bukan berkas .xlsx yang sah; ekspor SIPD atau SAKTI dibaca dalam bentuk .xlsx (buka dan simpan ulang sebagai .xlsx)");
        }

        using (document)
        {
            var sheets = Grid.Load(document);
            var errors = new List<ImportError>();
            foreach (var sheet in sheets)
            {
                var header = FindHeader(sheet);
                if (header is null)
                    continue;
                var result = ReadSheet(fileName, sheet, header, errors);
                if (errors.Count > 0)
                    throw new WorkbookImportException(errors);
                return result;
            }

            var names = string.Join(", ", sheets.Select(s => s.Name));
            throw Whole(fileName, $"bukan ekspor anggaran yang dikenal: tidak ada sheet ({names}) dengan baris judul yang memuat kolom Kode, Uraian dan Anggaran/Pagu; lihat docs/imports.md untuk tata letak yang dibaca");
        }
    }

    private static WorkbookImportException Whole(string fileName, string message) =>
        new([new ImportError(new SourceLocation(fileName, SourceLocation.WholeFile, 0, ""), message)]);

    private enum Role { Code, Name, Pagu, Realisasi, Absorption, Month }

    private sealed record Column(int Index, Role Role, string Header, int Month = 0);

    private sealed record Header(int Row, int LastRow, IReadOnlyList<Column> Columns, IReadOnlyList<string> Missing, string Title);

    /// <summary>The header: the first row (of the first 40) with a code column and a name column; the row below joins it when it names months or budget columns.</summary>
    private static Header? FindHeader(Grid.Sheet sheet)
    {
        foreach (var row in sheet.Rows.Keys.Order().Where(r => r <= 40))
        {
            var texts = sheet.Rows[row];
            if (!texts.Values.Any(c => IsCodeHeader(Norm(c.Text))) || !texts.Values.Any(c => IsNameHeader(Norm(c.Text))))
                continue;
            var last = row;
            var combined = texts.ToDictionary(kv => kv.Key, kv => Norm(kv.Value.Text));
            if (sheet.Rows.TryGetValue(row + 1, out var below) && below.Values.Any(c => IsSubHeader(Norm(c.Text))))
            {
                last = row + 1;
                foreach (var (column, cell) in below)
                    combined[column] = combined.TryGetValue(column, out var top) && top != Norm(cell.Text) ? top + " " + Norm(cell.Text) : Norm(cell.Text);
            }

            var columns = new List<Column>();
            foreach (var (index, text) in combined.OrderBy(kv => kv.Key))
            {
                if (text.Length == 0)
                    continue;
                if (IsCodeHeader(text))
                    columns.Add(new Column(index, Role.Code, text));
                else if (Array.FindIndex(Months, m => Regex.IsMatch(text, $@"\b{m}\b")) is var month and >= 0 && !text.Contains('%'))
                    columns.Add(new Column(index, Role.Month, text, month + 1));
                else if (IsNameHeader(text))
                    columns.Add(new Column(index, Role.Name, text));
                else if (text.Contains('%') || text.Contains("persen", StringComparison.Ordinal) || text.Contains("penyerapan", StringComparison.Ordinal))
                    columns.Add(new Column(index, Role.Absorption, text));
                else if (text.Contains("realisasi", StringComparison.Ordinal))
                    columns.Add(new Column(index, Role.Realisasi, text));
                else if ((text.Contains("anggaran", StringComparison.Ordinal) || text.Contains("pagu", StringComparison.Ordinal) || text == "jumlah") && !text.Contains("sisa", StringComparison.Ordinal) && !text.Contains("bertambah", StringComparison.Ordinal))
                    columns.Add(new Column(index, Role.Pagu, text));
            }

            // two budget columns (before and after the Perubahan): the one in force is the one after it
            columns = Prefer(columns, Role.Pagu, t => t.Contains("setelah", StringComparison.Ordinal) || t.Contains("sesudah", StringComparison.Ordinal) || t.Contains("perubahan", StringComparison.Ordinal) && !t.Contains("sebelum", StringComparison.Ordinal));
            // realisasi "s.d. bulan ini" over "bulan ini" and "s.d. bulan lalu"
            columns = Prefer(columns, Role.Realisasi, t => t.Contains("s.d", StringComparison.Ordinal) && !t.Contains("lalu", StringComparison.Ordinal) || t.Contains("jumlah", StringComparison.Ordinal) || t.Contains("total", StringComparison.Ordinal));
            var names = columns.Where(c => c.Role == Role.Name).ToList();
            if (names.Count > 1)
                columns = [.. columns.Where(c => c.Role != Role.Name), names[0]];
            var missing = new List<string>();
            if (!columns.Any(c => c.Role == Role.Pagu))
                missing.Add("Anggaran/Pagu");
            var title = string.Join(" ", sheet.Rows.Where(r => r.Key < row).OrderBy(r => r.Key).SelectMany(r => r.Value.OrderBy(c => c.Key).Select(c => c.Value.Text)));
            return new Header(row, last, columns, missing, title);
        }

        return null;
    }

    private static List<Column> Prefer(List<Column> columns, Role role, Func<string, bool> preferred)
    {
        var of = columns.Where(c => c.Role == role).ToList();
        if (of.Count <= 1)
            return columns;
        var keep = of.FirstOrDefault(c => preferred(c.Header)) ?? of[^1];
        return columns.Where(c => c.Role != role || c == keep).ToList();
    }

    private static bool IsCodeHeader(string text) => text.StartsWith("kode", StringComparison.Ordinal) || text is "kd" or "no. rekening" or "rekening";

    private static bool IsNameHeader(string text) =>
        text.StartsWith("uraian", StringComparison.Ordinal) || text.StartsWith("nama", StringComparison.Ordinal) || text.Contains("nomenklatur", StringComparison.Ordinal)
        || text.StartsWith("program", StringComparison.Ordinal) || text == "keterangan";

    private static bool IsSubHeader(string text) =>
        Months.Any(m => Regex.IsMatch(text, $@"\b{m}\b")) || text.Contains("sebelum", StringComparison.Ordinal) || text.Contains("setelah", StringComparison.Ordinal)
        || text.Contains("sesudah", StringComparison.Ordinal) || text.Contains("s.d", StringComparison.Ordinal) || text is "rp" or "%" or "(rp)";

    private static string Norm(string text) => Regex.Replace(text.Trim().ToLowerInvariant(), @"\s+", " ");

    private static BudgetExportResult ReadSheet(string fileName, Grid.Sheet sheet, Header header, List<ImportError> errors)
    {
        SourceLocation At(int row, Column? column) =>
            new(fileName, sheet.Name, row, column?.Header ?? "", column is null ? null : XlsxWorkbook.ColumnLetter(column.Index) + row);

        foreach (var missing in header.Missing)
            errors.Add(new ImportError(new SourceLocation(fileName, sheet.Name, header.Row, missing), $"kolom {missing} tidak ada di baris judul; kolom yang terbaca: {string.Join(", ", header.Columns.Select(c => c.Header))}"));
        var codeColumns = header.Columns.Where(c => c.Role == Role.Code).ToList();
        var name = header.Columns.FirstOrDefault(c => c.Role == Role.Name);
        var pagu = header.Columns.FirstOrDefault(c => c.Role == Role.Pagu);
        var realisasi = header.Columns.FirstOrDefault(c => c.Role == Role.Realisasi);
        var absorption = header.Columns.FirstOrDefault(c => c.Role == Role.Absorption);
        var months = header.Columns.Where(c => c.Role == Role.Month).OrderBy(c => c.Month).ToList();
        var headerTexts = sheet.Rows.Where(r => r.Key >= header.Row && r.Key <= header.LastRow).SelectMany(r => r.Value.Values).Select(c => Norm(c.Text)).ToHashSet(StringComparer.Ordinal);

        var lines = new List<BudgetLine>();
        var seenPaths = new HashSet<string>(StringComparer.Ordinal);
        BudgetExportKind? kind = null;
        string? lastPath = null;
        foreach (var row in sheet.Rows.Keys.Order().Where(r => r > header.LastRow))
        {
            if (errors.Count >= 200)
                break;
            var cells = sheet.Rows[row];
            string Text(Column? column) => column is not null && cells.TryGetValue(column.Index, out var cell) ? cell.Text.Trim() : "";
            if (cells.Values.All(c => c.Text.Trim().Length == 0))
                continue;
            // a header repeated on every printed page
            if (cells.Values.Count(c => headerTexts.Contains(Norm(c.Text))) >= 2)
                continue;
            // the code split over columns (Urusan | Bidang | Program | Kegiatan | Sub Kegiatan) is joined
            var code = string.Join(".", codeColumns.Select(Text).Where(t => t.Length > 0)).Trim();
            var text = Text(name);
            if (code.Length == 0)
            {
                // subtotal rows ("Jumlah", "Total Belanja") repeat figures the tree already has; title and signature
                // rows have no amount ("Kepala Dinas" under the realisasi column is no amount)
                var amounts = new[] { pagu, realisasi }.Concat(months).Where(c => c is not null && IsAmount(cells, c.Index)).ToList();
                if (SubtotalRow().IsMatch(text) || cells.Values.Any(c => SubtotalRow().IsMatch(c.Text.Trim())) || amounts.Count == 0)
                    continue;
                errors.Add(new ImportError(At(row, codeColumns.FirstOrDefault()), $"baris \"{text}\" berisi angka tetapi tidak berkode; beri kode program/kegiatan/sub kegiatan atau hapus barisnya"));
                continue;
            }

            decimal? Amount(Column? column)
            {
                if (column is null || !cells.TryGetValue(column.Index, out var cell) || cell.Text.Trim().Length == 0)
                    return null;
                if (cell.IsNumber && decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    return number;
                var clean = cell.Text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(",-", "", StringComparison.Ordinal).Trim();
                var parsed = IndonesianNumber.ParseAmount(clean);
                if (parsed.Success)
                    return parsed.Value;
                errors.Add(new ImportError(At(row, column), parsed.Error!));
                return null;
            }

            var paguValue = Amount(pagu);
            var realisasiValue = Amount(realisasi);
            var monthValues = months.Select(m => (m.Month, Value: Amount(m))).ToList();
            decimal? printed = null;
            if (absorption is not null && Text(absorption) is { Length: > 0 } percent)
            {
                if (cells[absorption.Index].IsNumber && decimal.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
                    printed = p;
                else if (IndonesianNumber.Parse(percent.TrimEnd('%').Trim()) is { Success: true } parsedPercent)
                    printed = parsedPercent.Value;
                else
                    errors.Add(new ImportError(At(row, absorption), $"\"{percent}\" bukan persentase"));
            }

            IReadOnlyList<decimal> quarters = [];
            if (months.Count > 0)
            {
                var monthSum = monthValues.Sum(m => m.Value ?? 0m);
                quarters = Enumerable.Range(1, (months.Max(m => m.Month) + 2) / 3).Select(q => monthValues.Where(m => (m.Month + 2) / 3 == q).Sum(m => m.Value ?? 0m)).ToList();
                if (realisasiValue is { } total && total != monthSum)
                    errors.Add(new ImportError(At(row, realisasi), $"realisasi {IndonesianNumber.FormatWhole(total)} tidak sama dengan jumlah realisasi bulanan {IndonesianNumber.FormatWhole(monthSum)}"));
                realisasiValue ??= monthSum;
            }

            var heading = paguValue is null && realisasiValue is null;
            if (PemdaCodes.Normalise(code) is { } pemda)
            {
                kind ??= BudgetExportKind.Sipd;
                var level = PemdaCodes.Level(pemda);
                // urusan and bidang rows group the programmes; the programmes are the tree's roots (as in the reports)
                if (level is "Urusan" or "BidangUrusan")
                    continue;
                if (level is null)
                {
                    errors.Add(new ImportError(At(row, codeColumns[0]), $"kode \"{code}\" bukan kode program (2.07.02), kegiatan (2.07.02.2.01) atau sub kegiatan (2.07.02.2.01.0003 atau 2.07.02.2.01.03)"));
                    continue;
                }

                var parent = PemdaCodes.Parent(pemda);
                lines.Add(Line(pemda, text, level, level == "Program" ? null : parent));
                continue;
            }

            if (RekeningCode().IsMatch(code))
                continue; // a Pemda rekening (5.1.02.01.01.0024) under a sub kegiatan: its sub kegiatan carries the sum

            if (KlCodes.Parse(code) is { } kl)
            {
                kind ??= BudgetExportKind.Sakti;
                var path = kl.Path.Length > 0 ? kl.Path : null;
                if (kl.Akun is { } akun)
                {
                    // an akun row: under the path it names, or under the row above when the code is the akun alone
                    var under = path ?? lastPath;
                    if (under is null)
                    {
                        errors.Add(new ImportError(At(row, codeColumns[0]), $"akun {akun} tanpa RO/komponen di atasnya"));
                        continue;
                    }

                    EnsureAncestors(under);
                    lines.Add(Line(under + "." + akun, text, "Akun", under));
                    continue;
                }

                if (path is null)
                {
                    lines.Add(Line(kl.Program!, text, "Program", null));
                    seenPaths.Add(kl.Program!);
                    continue;
                }

                EnsureAncestors(ParentOf(path));
                lines.Add(Line(path, text, KlCodes.Level(path), ParentOf(path) ?? (kl.Program is { } program && seenPaths.Contains(program) ? program : null)));
                seenPaths.Add(path);
                lastPath = path;
                continue;
            }

            errors.Add(new ImportError(At(row, codeColumns[0]), $"kode \"{code}\" tidak dikenali: bukan kode SIPD (2.07.02.2.01.0003) maupun kode KRISNA/SAKTI (2176.BAA.001.051.A, 026.01.WA.2158.EBA.994.002 S 524111)"));
            continue;

            BudgetLine Line(string lineCode, string lineName, string? level, string? parent) => new()
            {
                Code = lineCode,
                Name = lineName.Length > 0 ? lineName : lineCode,
                Level = level,
                ParentCode = parent,
                IsHeading = heading,
                Pagu = paguValue ?? 0m,
                Realisasi = realisasiValue ?? 0m,
                PrintedAbsorption = printed,
                QuarterlyRealisasi = quarters,
                SourceRow = row,
                Source = fileName,
            };

            // a SAKTI file listing only akun rows with full codes: the levels above become headings named by their codes
            void EnsureAncestors(string? path)
            {
                var missing = new Stack<string>();
                for (var p = path; p is not null && !seenPaths.Contains(p); p = ParentOf(p))
                    missing.Push(p);
                while (missing.Count > 0)
                {
                    var p = missing.Pop();
                    lines.Add(new BudgetLine { Code = p, Name = Nomenclature.KL.Find(p.Split('.')[^1])?.Name ?? p, Level = KlCodes.Level(p), ParentCode = ParentOf(p), IsHeading = true, Pagu = 0m, Realisasi = 0m, SourceRow = row, Source = fileName });
                    seenPaths.Add(p);
                }
            }
        }

        if (errors.Count == 0 && lines.Count == 0)
            errors.Add(new ImportError(new SourceLocation(fileName, sheet.Name, header.Row, ""), "tidak ada baris berkode di bawah baris judul"));
        if (errors.Count > 0)
            return new BudgetExportResult(fileName, sheet.Name, BudgetExportKind.Sipd, []);
        if (BudgetOverflow.Find(lines) is { } overflow)
        {
            errors.Add(new ImportError(At(overflow.Lines[0].SourceRow, pagu), InputFile.BudgetOverflowMessage(overflow.What, overflow.Lines, l => $"baris {l.SourceRow}")));
            return new BudgetExportResult(fileName, sheet.Name, BudgetExportKind.Sipd, []);
        }

        var title = header.Title.ToLowerInvariant();
        var isPk = title.Contains("perjanjian kinerja", StringComparison.Ordinal);
        var version = PkVersionId.Awal;
        if (isPk && PkPerubahan().Match(title) is { Success: true } match)
            version = PkVersionId.Perubahan(match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1);
        return new BudgetExportResult(fileName, sheet.Name, kind ?? BudgetExportKind.Sipd, lines) { IsPk = isPk, PkVersion = version, HasMonths = months.Count > 0 };
    }

    private static bool IsAmount(Dictionary<int, Grid.Cell> cells, int column) =>
        cells.TryGetValue(column, out var cell) && (cell.IsNumber || IndonesianNumber.Parse(cell.Text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Trim()).Success);

    private static string? ParentOf(string? path) => path is null || path.LastIndexOf('.') is var dot && dot < 0 ? null : path[..dot];

    [GeneratedRegex(@"^(sub\s*)?(jumlah|total)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubtotalRow();

    [GeneratedRegex(@"^[456](\.\d+){3,}$")]
    private static partial Regex RekeningCode();

    [GeneratedRegex(@"perubahan(?:\s+ke-?\s*(\d+))?")]
    private static partial Regex PkPerubahan();
}
