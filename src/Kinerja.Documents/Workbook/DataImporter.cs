using Kinerja.Documents.Csv;
using System.Text;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>
/// Reads counts and computable formulas (issue 6): the optional sheets DataElemen, NilaiData and
/// RumusHitung of a workbook, or a separate data file (.json or .xlsx with only those sheets, or a
/// flat .csv of values). Formulas are validated here, when they are saved: an unknown element, an
/// indicator referring to itself or a satuan mismatch refuses the file with the formula's location.
/// </summary>
public static class DataImporter
{
    /// <summary>Loads a dataset workbook and attaches data files to it, in order.</summary>
    public static PerformanceDataset Load(string datasetPath, IEnumerable<string> dataPaths)
    {
        var data = DatasetImporter.Load(datasetPath);
        foreach (var path in dataPaths)
            data = Attach(data, ReadRaw(path));
        return data;
    }

    /// <summary>Reads a data file: .json or .xlsx (workbook sheets) or .csv (values only).</summary>
    public static RawWorkbook ReadRaw(string path)
    {
        InputFile.Require(path, "berkas data");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => JsonWorkbook.Read(path),
            ".xlsx" => XlsxWorkbook.Read(path),
            ".csv" => ReadCsv(ReadAllText(path), Path.GetFileName(path)),
            var other => throw new WorkbookImportException([new ImportError(new SourceLocation(Path.GetFileName(path), "(berkas)", 0, ""), $"jenis berkas \"{other}\" tidak didukung; gunakan .json, .xlsx atau .csv")]),
        };
    }

    private static string ReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>A file that exists but cannot be read (no permission, locked, a directory), as a located import error.</summary>
    public static WorkbookImportException Unreadable(string path, Exception e) =>
        new([new ImportError(new SourceLocation(Path.GetFileName(path), "(berkas)", 0, ""), "tidak dapat dibaca: " + DescribeIoFailure(e))]);

    /// <summary>Why a file operation failed, in words a user can act on.</summary>
    public static string DescribeIoFailure(Exception e) => e switch
    {
        DirectoryNotFoundException => "folder tidak ada",
        FileNotFoundException => "berkas tidak ada",
        PathTooLongException => "nama berkas terlalu panjang",
        UnauthorizedAccessException => "akses ditolak",
        IOException io when IsDiskFull(io) => "disk penuh (ruang kosong tidak cukup); kosongkan ruang atau pilih tempat lain, lalu ulangi",
        IOException io when IsBrokenPipe(io) => "program penerima sudah berhenti membaca (pipa ditutup, mis. oleh head)",
        _ => e.Message,
    };

    // on Unix .NET puts the errno in HResult (ENOSPC 28, EDQUOT 122, EFBIG 27, EPIPE 32); on Windows the Win32 code
    // sits in the low word (ERROR_HANDLE_DISK_FULL 39, ERROR_DISK_FULL 112, ERROR_BROKEN_PIPE 109, ERROR_NO_DATA 232)
    private static bool IsDiskFull(IOException e) => OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 39 or 112 : e.HResult is 28 or 122 or 27;

    private static bool IsBrokenPipe(IOException e) => OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 109 or 232 : e.HResult == 32;

    /// <summary>
    /// A flat CSV of values: a header row naming the NilaiData columns (Elemen, Unit, Periode,
    /// Rincian, Nilai, Keterangan; or their JSON names), separated by ";" (or "," when the header
    /// has no ";"), fields quoted with " when needed.
    /// </summary>
    public static RawWorkbook ReadCsv(string text, string fileName)
    {
        var raw = new RawWorkbook { FileName = fileName, IsJson = false };
        var spec = WorkbookSchema.Sheet("dataValues");
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
            throw new WorkbookImportException([new ImportError(new SourceLocation(fileName, "csv", 1, ""), "baris judul kolom tidak ada")]);
        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var headers = CsvLine.Split(lines[0].TrimStart('\uFEFF'), separator, out var headerUnclosed).Select(f => f.Trim()).ToList();
        if (headerUnclosed)
            throw new WorkbookImportException([new ImportError(CsvField(fileName, 1, headers.Count - 1, []), "tanda kutip tidak ditutup")]);
        var columns = new List<ColumnSpec?>();
        var errors = new List<ImportError>();
        for (var i = 0; i < headers.Count; i++)
        {
            var column = spec.ByHeader(headers[i]);
            if (column is null)
                errors.Add(new ImportError(new SourceLocation(fileName, "csv", 1, headers[i]), $"kolom \"{headers[i]}\" tidak dikenal; pakai {string.Join(", ", spec.Columns.Select(c => c.Header))}"));
            columns.Add(column);
        }

        if (errors.Count > 0)
            throw new WorkbookImportException(errors);
        var rows = new List<RawRow>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]))
                continue;
            var row = new RawRow { Row = n + 1, SheetName = "csv" };
            var fields = CsvLine.Split(lines[n], separator, out var unclosedQuote).Select(f => f.Trim()).ToList();
            if (unclosedQuote)
            {
                errors.Add(new ImportError(CsvField(fileName, n + 1, fields.Count - 1, headers), "tanda kutip tidak ditutup"));
                continue;
            }

            // a field too many or too few shifts every value after it: refuse the line rather than drop or guess
            if (fields.Count != columns.Count)
            {
                var hint = separator == ',' ? "; bila angka memakai koma desimal (3,770), beri tanda kutip atau pakai pemisah ;" : "";
                // name the first field that has no column, or the first column that has no field
                errors.Add(new ImportError(CsvField(fileName, n + 1, Math.Min(fields.Count, columns.Count), headers), $"baris ini memiliki {fields.Count} kolom, seharusnya {columns.Count}{hint}"));
                continue;
            }

            for (var i = 0; i < fields.Count; i++)
            {
                if (columns[i] is { } column)
                    row.Cells[column.Json] = new RawCell(fields[i], new SourceLocation(fileName, "csv", n + 1, column.Header));
            }

            rows.Add(row);
        }

        if (errors.Count > 0)
            throw new WorkbookImportException(errors);
        raw.Sheets["dataValues"] = rows;
        return raw;
    }

    /// <summary>Field <paramref name="index"/> (0-based) of a CSV line: its header when it has one, its spreadsheet letter always.</summary>
    private static SourceLocation CsvField(string fileName, int line, int index, List<string> headers) =>
        new(fileName, "csv", line, index < headers.Count ? headers[index] : $"ke-{index + 1}", XlsxWorkbook.ColumnLetter(index) + line);

    /// <summary>Adds a data file's elements, values and formulas to a dataset; all or nothing.</summary>
    public static PerformanceDataset Attach(PerformanceDataset data, RawWorkbook raw)
    {
        var errors = new List<ImportError>();
        var (indicators, elements, values) = Merge(raw, errors, data.Indicators, data.Units, data.DataElements, data.DataValues);
        if (errors.Count > 0)
            throw new WorkbookImportException(errors);
        return data with { Indicators = indicators, DataElements = elements, DataValues = values };
    }

    /// <summary>Reads the data sheets of <paramref name="raw"/> on top of what is known, collecting errors with their location.</summary>
    internal static (List<Indicator> Indicators, List<DataElement> Elements, List<DataValue> Values) Merge(
        RawWorkbook raw, List<ImportError> errors, IReadOnlyList<Indicator> indicators, IReadOnlyList<OrgUnit> units,
        IReadOnlyList<DataElement> knownElements, IReadOnlyList<DataValue> knownValues)
    {
        var reader = new Reader(raw, errors);
        var elements = knownElements.ToList();
        foreach (var row in reader.Rows("dataElements"))
        {
            if (reader.Element(row) is not { } element)
                continue;
            if (elements.Any(e => string.Equals(e.Code, element.Code, StringComparison.OrdinalIgnoreCase)))
                reader.Error(reader.Where(row, "code"), $"elemen data \"{element.Code}\" sudah ada");
            else
                elements.Add(element);
        }

        var byCode = elements.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        var unitCodes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var values = knownValues.ToList();
        var keys = values.Select(Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in reader.Rows("dataValues"))
        {
            if (reader.Value(row, byCode, unitCodes) is not { } value)
                continue;
            if (!keys.Add(Key(value)))
                reader.Error(reader.Where(row, "value"), $"nilai {value.ElementCode} {value.UnitCode} {value.Period}{(value.IsTotal ? "" : " " + value.OptionsText)} diisi lebih dari sekali");
            values.Add(value);
        }

        // formulas: the Rumus Hitung column of Indikator, or the RumusHitung sheet
        var result = indicators.ToList();
        foreach (var row in reader.Rows("formulas"))
        {
            var code = reader.Required(row, "indicator");
            var expression = reader.Required(row, "expression");
            if (code is null || expression is null)
                continue;
            var index = result.FindIndex(i => i.Code == code);
            if (index < 0)
                reader.Error(reader.Where(row, "indicator"), $"indikator \"{code}\" tidak ada di sheet Indikator");
            else if (result[index].FormulaExpression is not null)
                reader.Error(reader.Where(row, "indicator"), $"indikator {code} sudah punya rumus hitung");
            else
                result[index] = result[index] with { FormulaExpression = expression };
        }

        var scope = new FormulaScope(elements, result.Select(i => (i.Code, i.Satuan, i.FormulaExpression)));
        foreach (var indicator in result.Where(i => i.FormulaExpression is not null))
        {
            var problems = FormulaValidator.Validate(indicator.FormulaExpression, scope, indicator.Code, indicator.Satuan);
            if (problems.Count == 0)
                continue;
            var where = FormulaLocation(raw, indicator.Code) ?? new SourceLocation(raw.FileName, raw.IsJson ? "indicators" : "Indikator", 0, indicator.Code, Json: raw.IsJson);
            foreach (var problem in problems)
                reader.Error(where, $"rumus hitung {indicator.Code} \"{indicator.FormulaExpression}\" ditolak: {problem}");
        }

        return (result, elements, values);
    }

    private static string Key(DataValue v) =>
        $"{v.ElementCode}|{v.UnitCode}|{v.Period}|{string.Join(";", v.Options.Select(o => o.ToString().ToUpperInvariant()).Order())}";

    private static SourceLocation? FormulaLocation(RawWorkbook raw, string code)
    {
        foreach (var (sheet, column) in new[] { ("formulas", "expression"), ("indicators", "formulaExpr") })
        {
            var key = sheet == "formulas" ? "indicator" : "code";
            var row = raw.Sheets.GetValueOrDefault(sheet)?.FirstOrDefault(r => r.Cells.GetValueOrDefault(key)?.Text?.Trim() == code && r.Cells.ContainsKey(column));
            if (row is not null)
                return row.Cells[column].Location;
        }

        return null;
    }

    private sealed class Reader(RawWorkbook raw, List<ImportError> errors)
    {
        private static readonly Dictionary<string, DataPeriodType> PeriodTypes = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Mingguan"] = DataPeriodType.Week, ["Week"] = DataPeriodType.Week,
            ["Bulanan"] = DataPeriodType.Month, ["Month"] = DataPeriodType.Month,
            ["Triwulanan"] = DataPeriodType.Quarter, ["Quarter"] = DataPeriodType.Quarter,
            ["Tahunan"] = DataPeriodType.Year, ["Year"] = DataPeriodType.Year,
        };

        private static readonly Dictionary<string, PeriodAggregation> Aggregations = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Jumlah"] = PeriodAggregation.Sum, ["Akhir"] = PeriodAggregation.Last, ["RataRata"] = PeriodAggregation.Average,
        };

        public IReadOnlyList<RawRow> Rows(string sheet) => raw.Sheets.GetValueOrDefault(sheet) ?? [];

        public void Error(SourceLocation where, string message) => errors.Add(new ImportError(where, message));

        public SourceLocation Where(RawRow row, string column) =>
            row.Cells.GetValueOrDefault(column)?.Location ?? new SourceLocation(raw.FileName, row.SheetName, row.Row, column, Json: raw.IsJson);

        public static string? Text(RawRow row, string column)
        {
            var text = row.Cells.GetValueOrDefault(column)?.Text?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        public string? Required(RawRow row, string column)
        {
            var text = Text(row, column);
            if (text is null)
                Error(Where(row, column), "wajib diisi");
            return text;
        }

        public DataElement? Element(RawRow row)
        {
            var code = Required(row, "code");
            var name = Required(row, "name");
            var typeText = Required(row, "periodType");
            var aggregationText = Required(row, "aggregation");
            DataPeriodType? type = null;
            if (typeText is not null && PeriodTypes.TryGetValue(typeText, out var t))
                type = t;
            else if (typeText is not null)
                Error(Where(row, "periodType"), $"jenis periode \"{typeText}\" tidak dikenal; pilih {string.Join(", ", WorkbookSchema.DataPeriodTypeValues)}");
            PeriodAggregation? aggregation = null;
            if (aggregationText is not null && Aggregations.TryGetValue(aggregationText, out var a))
                aggregation = a;
            else if (aggregationText is not null)
                Error(Where(row, "aggregation"), $"agregasi \"{aggregationText}\" tidak dikenal; pilih Jumlah (arus), Akhir (stok) atau RataRata");
            if (code is not null && !code.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-'))
                Error(Where(row, "code"), $"kode elemen \"{code}\" hanya boleh berisi huruf, angka, _, . dan -");
            var categories = BreakdownCategory.ParseList(Text(row, "breakdowns"));
            if (!categories.Success)
                Error(Where(row, "breakdowns"), categories.Error!);
            if (code is null || name is null || type is null || aggregation is null || !categories.Success)
                return null;
            return new DataElement
            {
                Code = code,
                Name = name,
                Satuan = Text(row, "satuan") ?? "",
                PeriodType = type.Value,
                Aggregation = aggregation.Value,
                Categories = categories.Value,
                Description = Text(row, "description"),
            };
        }

        public DataValue? Value(RawRow row, Dictionary<string, DataElement> elements, HashSet<string> units)
        {
            var code = Required(row, "element");
            var unit = Required(row, "unit");
            var periodText = Required(row, "period");
            var valueText = Required(row, "value");
            DataElement? element = null;
            if (code is not null && !elements.TryGetValue(code, out element))
                Error(Where(row, "element"), $"elemen data \"{code}\" tidak ada di sheet DataElemen");
            if (unit is not null && units.Count > 0 && !units.Contains(unit))
                Error(Where(row, "unit"), $"unit \"{unit}\" tidak ada di sheet Unit");
            DataPeriod? period = null;
            if (periodText is not null)
            {
                var parsed = DataPeriod.Parse(periodText);
                if (!parsed.Success)
                    Error(Where(row, "period"), parsed.Error!);
                // a coarser period is a total printed beside the counts (a yearly total beside the months): kept and checked
                else if (element is not null && parsed.Value.Type < element.PeriodType)
                    Error(Where(row, "period"), $"elemen {element.Code} dikumpulkan per {Label(element.PeriodType)}, bukan per {Label(parsed.Value.Type)} ({parsed.Value})");
                else
                    period = parsed.Value;
            }

            var options = BreakdownOption.ParseList(Text(row, "breakdown"));
            if (!options.Success)
            {
                Error(Where(row, "breakdown"), options.Error!);
            }
            else if (element is not null)
            {
                foreach (var option in options.Value)
                {
                    var category = element.Category(option.Category);
                    if (category is null)
                        Error(Where(row, "breakdown"), $"elemen {element.Code} tidak punya rincian \"{option.Category}\"{(element.Categories.Count > 0 ? "; yang ada: " + string.Join(", ", element.Categories.Select(c => c.Code)) : "")}");
                    else if (!category.HasOption(option.Option))
                        Error(Where(row, "breakdown"), $"rincian \"{category.Code}\" tidak punya opsi \"{option.Option}\"; yang ada: {string.Join(", ", category.Options)}");
                }
            }

            decimal? number = null;
            if (valueText is not null)
            {
                // a printed "-" in a count table means none (nihil)
                var parsed = valueText.Trim() is "-" or "–" ? ParseResult<decimal>.Ok(0m) : IndonesianNumber.Parse(valueText);
                if (parsed.Success)
                    number = parsed.Value;
                else
                    Error(Where(row, "value"), parsed.Error!);
            }

            if (element is null || unit is null || period is null || number is null || !options.Success)
                return null;
            return new DataValue(element.Code, unit, period.Value, options.Value, number.Value) { SourceRow = row.Row };
        }

        private static string Label(DataPeriodType type) => type switch
        {
            DataPeriodType.Week => "minggu",
            DataPeriodType.Month => "bulan",
            DataPeriodType.Quarter => "triwulan",
            _ => "tahun",
        };
    }
}
