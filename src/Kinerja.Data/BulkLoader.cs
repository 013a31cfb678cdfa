using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kinerja.Domain.DataElements;
using Kinerja.Domain.Formulas;
using Kinerja.Domain.Values;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kinerja.Data;

/// <summary>The outcome of a bulk load: what was written, or the located errors that stopped it (nothing written then).</summary>
public sealed record BulkLoadResult(bool Ok, int Rows, int Agencies, int Years, int Counts, IReadOnlyList<string> Errors, TimeSpan Validation, TimeSpan Writing)
{
    /// <summary>Seconds per step of the writing (a table's COPY, the commit, the statistics), in order: where the time goes.</summary>
    public IReadOnlyList<(string Step, double Seconds)> Steps { get; init; } = [];
}

/// <summary>
/// Loads a national data set (issue 23 item 5, docs/national.md): approved realisasi of the closed years of many instansi
/// from one CSV, as the workbook import's history mode does for one workbook. Every row is checked first (the cells
/// read as the importer reads them, the region against the Kemendagri list, the period in its year, no key twice, no
/// instansi-year already in the database); one error refuses the whole file and nothing is written, each error naming
/// file, row and column. Then one transaction writes everything: PostgreSQL through COPY (Npgsql binary import),
/// SQLite through one prepared INSERT per table. The data version is raised in the same transaction.
/// </summary>
/// <remarks>
/// Columns (header row, comma separated, UTF-8): instansi, kode_wilayah, tahun, indikator, periode, target, realisasi,
/// and optionally nama_indikator, satuan and data ("pencaker_terdaftar=1762;pencaker_ditempatkan=882": the counts
/// of the period's elements, stored in NilaiData on the last month of the period).
/// </remarks>
public static class BulkLoader
{
    public const int MaxErrorsShown = 50;

    private sealed record Row(int Line, string Agency, string? Region, int Year, string Indicator, string Name, string Satuan, string Period, string Target, string Realisasi, string? Data);

    public static async Task<BulkLoadResult> LoadAsync(KinerjaDbContext db, string path, string user, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var file = Path.GetFileName(path);
        var errors = new List<string>();
        var rows = new List<Row>();
        string sha;
        await using (var hashed = File.OpenRead(path))
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(hashed, cancellationToken));
        using (var reader = new StreamReader(path, Encoding.UTF8))
            Read(reader, file, rows, errors);
        // the same instansi-year must not be in the database already: a closed year is loaded once
        if (errors.Count == 0)
        {
            var names = rows.Select(r => r.Agency).ToHashSet(StringComparer.Ordinal);
            var existing = await db.Years.AsNoTracking().Join(db.Agencies, y => y.AgencyId, a => a.Id, (y, a) => new { a.Name, y.Year }).ToListAsync(cancellationToken);
            var taken = existing.Where(e => names.Contains(e.Name)).Select(e => (e.Name, e.Year)).ToHashSet();
            foreach (var first in rows.GroupBy(r => (r.Agency, r.Year)).Where(g => taken.Contains(g.Key)).Select(g => g.First()))
                Add(errors, $"{file}, baris {first.Line}, kolom instansi: {first.Agency} tahun {first.Year} sudah ada di basis data; tahun yang ditutup dimuat sekali");
        }

        var validation = watch.Elapsed;
        if (errors.Count > 0)
            return new BulkLoadResult(false, 0, 0, 0, 0, errors, validation, TimeSpan.Zero);

        watch.Restart();
        var steps = new List<(string, double)>();
        var (agencies, years, counts) = await WriteAsync(db, rows, file, sha, user, now, steps, cancellationToken);
        var writing = watch.Elapsed;
        if (db.Database.IsNpgsql())
        {
            // fresh statistics: the planner otherwise takes the loaded tables for empty and the roll-up's joins scan them whole
            var analyse = System.Diagnostics.Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Agencies\", \"Years\", \"Indicators\", \"Targets\", \"Realisasi\", \"WorkbookRows\"", cancellationToken);
            steps.Add(("ANALYZE", analyse.Elapsed.TotalSeconds));
        }

        return new BulkLoadResult(true, rows.Count, agencies, years, counts, [], validation, writing) { Steps = steps };
    }

    private static void Add(List<string> errors, string error)
    {
        if (errors.Count < MaxErrorsShown)
            errors.Add(error);
        else if (errors.Count == MaxErrorsShown)
            errors.Add("dan kesalahan lain (hanya " + MaxErrorsShown + " yang pertama ditampilkan)");
    }

    private static void Read(StreamReader reader, string file, List<Row> rows, List<string> errors)
    {
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray() ?? [];
        string[] required = ["instansi", "kode_wilayah", "tahun", "indikator", "periode", "target", "realisasi"];
        foreach (var missing in required.Where(c => !header.Contains(c)))
            Add(errors, $"{file}, baris 1, kolom {missing}: kolom wajib tidak ada di baris judul");
        if (errors.Count > 0)
            return;
        int Col(string name) => Array.IndexOf(header, name);
        var (cAgency, cRegion, cYear, cIndicator, cPeriod, cTarget, cRealisasi) = (Col("instansi"), Col("kode_wilayah"), Col("tahun"), Col("indikator"), Col("periode"), Col("target"), Col("realisasi"));
        var (cName, cSatuan, cData) = (Col("nama_indikator"), Col("satuan"), Col("data"));
        var keys = new HashSet<(string, string, string)>();
        var regionOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
                continue;
            var cells = Split(text);
            string Cell(int i) => i >= 0 && i < cells.Count ? cells[i].Trim() : "";
            string Where(string column) => $"{file}, baris {line}, kolom {column}";
            var agency = Cell(cAgency);
            var region = Cell(cRegion) is { Length: > 0 } r ? r : null;
            var indicator = Cell(cIndicator);
            var period = Cell(cPeriod);
            if (agency.Length == 0)
                Add(errors, Where("instansi") + ": wajib diisi");
            if (indicator.Length == 0)
                Add(errors, Where("indikator") + ": wajib diisi");
            if (Regions.Invalid(region) is { } badRegion)
                Add(errors, Where("kode_wilayah") + ": " + badRegion);
            else if (agency.Length > 0 && regionOf.TryGetValue(agency, out var earlier) && earlier != region)
                Add(errors, Where("kode_wilayah") + $": {agency} sudah bertanda wilayah \"{earlier}\" di baris sebelumnya");
            else
                regionOf[agency] = region;
            if (!int.TryParse(Cell(cYear), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            {
                Add(errors, Where("tahun") + $": \"{Cell(cYear)}\" bukan tahun");
                continue;
            }

            var parsedPeriod = Period.Parse(period);
            if (!parsedPeriod.Success || parsedPeriod.Value.IsRenstraEnd || parsedPeriod.Value.Year != year)
                Add(errors, Where("periode") + $": \"{period}\" bukan periode tahun {year} (tulis {year} atau {year}-TW1)");
            else
                period = parsedPeriod.Value.ToString();
            var catalogue = IndicatorCatalogue.Labour.Indicators.FirstOrDefault(i => string.Equals(i.Code, indicator, StringComparison.OrdinalIgnoreCase));
            var satuan = Cell(cSatuan) is { Length: > 0 } s ? s : catalogue?.Satuan ?? "";
            foreach (var (column, value) in new[] { ("target", Cell(cTarget)), ("realisasi", Cell(cRealisasi)) })
            {
                if (value.Length > 0 && !MeasuredValueParser.Parse(value, TargetKind.Number, satuan).Success)
                    Add(errors, Where(column) + $": \"{value}\" tidak dapat dibaca sebagai angka ({MeasuredValueParser.Parse(value, TargetKind.Number, satuan).Error})");
            }

            var data = Cell(cData) is { Length: > 0 } d ? d : null;
            if (data is not null)
            {
                foreach (var part in data.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (pair.Length != 2 || IndicatorCatalogue.Labour.Elements.All(e => !string.Equals(e.Code, pair[0], StringComparison.Ordinal)))
                        Add(errors, Where("data") + $": \"{part}\" bukan elemen=nilai dengan elemen katalog");
                    else if (!IndonesianNumber.Parse(pair[1]).Success)
                        Add(errors, Where("data") + $": nilai \"{pair[1]}\" untuk {pair[0]} tidak dapat dibaca");
                }
            }

            if (!keys.Add((agency, indicator, period)))
                Add(errors, Where("periode") + $": {agency} {indicator} {period} sudah ada di baris sebelumnya");
            rows.Add(new Row(line, agency, region, year, indicator, Cell(cName) is { Length: > 0 } n ? n : catalogue?.Name ?? indicator, satuan, period, Cell(cTarget), Cell(cRealisasi), data));
        }
    }

    // plain CSV: a cell in double quotes may hold commas and doubled quotes
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    cell.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
                cell.Append(c);
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static async Task<(int Agencies, int Years, int Counts)> WriteAsync(KinerjaDbContext db, List<Row> rows, string file, string sha, string user, DateTimeOffset now, List<(string, double)> steps, CancellationToken cancellationToken)
    {
        var stepWatch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name)
        {
            steps.Add((name, stepWatch.Elapsed.TotalSeconds));
            stepWatch.Restart();
        }

        var postgres = db.Database.IsNpgsql();
        // a national set's statements (the lock wait, the sequences, ANALYZE) may take longer than the default 30 s
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (postgres)
            await Exec(connection, transaction, "LOCK TABLE \"Agencies\", \"Years\" IN EXCLUSIVE MODE", cancellationToken);
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, "SELECT \"Id\", \"Name\" FROM \"Agencies\""))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                known[reader.GetString(1)] = reader.GetInt32(0);
        }

        var nextAgency = await Max(connection, transaction, "Agencies", cancellationToken) + 1;
        var nextYear = await Max(connection, transaction, "Years", cancellationToken) + 1;
        var newAgencies = new List<(int Id, string Name, string? Region)>();
        var years = new Dictionary<(string, int), int>();
        foreach (var group in rows.GroupBy(r => (r.Agency, r.Year)))
        {
            if (!known.TryGetValue(group.Key.Agency, out var agencyId))
            {
                known[group.Key.Agency] = agencyId = nextAgency++;
                newAgencies.Add((agencyId, group.Key.Agency, group.First().Region));
            }

            years[group.Key] = nextYear++;
        }

        Step("kunci dan nomor");
        var sink = postgres ? (ITableSink)new CopySink((NpgsqlConnection)connection) : new InsertSink(connection, transaction);
        // the period lock is on for every instansi (issue 21), as for one made by the app
        await sink.WriteAsync("Agencies", ["Id", "Name", "Kind", "SeparateDuties", "LockPeriods", "RegionCode"],
            newAgencies.Select(a => new object?[] { a.Id, a.Name, "Pemda", true, true, a.Region }), cancellationToken);
        Step("COPY Agencies");
        await sink.WriteAsync("Units", ["AgencyId", "Code", "Name"],
            newAgencies.Select(a => new object?[] { a.Id, "DINAS", a.Name }), cancellationToken);
        Step("COPY Units");
        await sink.WriteAsync("Years", ["Id", "AgencyId", "Year", "ProfileJson", "SheetsPresent", "SourceFile", "Revision", "Published", "UpdatedAt"],
            years.Select(y => new object?[] { y.Value, known[y.Key.Item1], y.Key.Item2, Profile(y.Key.Item1, y.Key.Item2), ScaleModel.CountsSheet, file, 1, false, now }), cancellationToken);
        Step("COPY Years");
        var indicators = rows.GroupBy(r => (r.Agency, r.Year, r.Indicator)).Select((g, i) => g.First()).ToList();
        await sink.WriteAsync("Indicators", ["ReportingYearId", "Ordinal", "Code", "Name", "GoalCode", "Satuan", "UnitCode", "CatalogueCode"],
            indicators.Select((r, i) => new object?[] { years[(r.Agency, r.Year)], i + 1, r.Indicator, r.Name, "", r.Satuan, "DINAS", ScaleModel.CatalogueCodeOf(r.Indicator, null) }), cancellationToken);
        Step("COPY Indicators");
        await sink.WriteAsync("Targets", ["ReportingYearId", "AgencyId", "Ordinal", "IndicatorCode", "Period", "Value", "Document", "UnitCode", "ConcurrencyVersion"],
            rows.Where(r => r.Target.Length > 0).Select(r => new object?[] { years[(r.Agency, r.Year)], known[r.Agency], r.Line, r.Indicator, r.Period, r.Target, "PK", "DINAS", 0 }), cancellationToken);
        Step("COPY Targets");
        await sink.WriteAsync("Realisasi", ["ReportingYearId", "AgencyId", "IndicatorCode", "Period", "UnitCode", "Version", "Status", "IsCurrent", "Value", "ValueStatus", "Ordinal", "Source", "CreatedBy", "CreatedAt", "ConcurrencyVersion"],
            rows.Where(r => r.Realisasi.Length > 0).Select(r => new object?[] { years[(r.Agency, r.Year)], known[r.Agency], r.Indicator, r.Period, "DINAS", 1, "Disahkan", true, r.Realisasi, "Final", r.Line, "massal", user, now, 0 }), cancellationToken);
        Step("COPY Realisasi");
        var counts = 0;
        await sink.WriteAsync("WorkbookRows", ["ReportingYearId", "Sheet", "Ordinal", "CellsJson"], CountRows(), cancellationToken);
        Step("COPY WorkbookRows");

        IEnumerable<object?[]> CountRows()
        {
            foreach (var r in rows.Where(r => r.Data is not null))
            {
                // a quarter's count is kept on its last month, a year's on December: sums and end-of-period stocks both read it right
                var period = Period.Parse(r.Period).Value;
                var month = DataPeriod.OfMonth(r.Year, period.IsQuarter ? period.Quarter * 3 : 12).ToString();
                foreach (var part in r.Data!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                    counts++;
                    yield return [years[(r.Agency, r.Year)], ScaleModel.CountsSheet, r.Line, "{\"element\":" + JsonSerializer.Serialize(pair[0]) + ",\"unit\":\"DINAS\",\"period\":\"" + month + "\",\"value\":" + JsonSerializer.Serialize(pair[1]) + "}"];
                }
            }
        }

        var perYear = rows.CountBy(r => (r.Agency, r.Year)).ToDictionary();
        await sink.WriteAsync("Audit", ["AgencyId", "Entity", "EntityKey", "Action", "UserName", "At", "After"],
            years.Select(y => new object?[] { known[y.Key.Item1], "ReportingYear", y.Key.Item2.ToString(CultureInfo.InvariantCulture), "impor-massal", user, now,
                JsonSerializer.Serialize(new { file, sha256 = sha, baris = perYear[y.Key] }) }), cancellationToken);
        Step("COPY Audit");
        if (postgres)
        {
            await Exec(connection, transaction, "SELECT setval(pg_get_serial_sequence('\"Agencies\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"Agencies\"), 1))", cancellationToken);
            await Exec(connection, transaction, "SELECT setval(pg_get_serial_sequence('\"Years\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"Years\"), 1))", cancellationToken);
        }

        await Exec(connection, transaction, $"UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = {DataVersion.SingletonId}", cancellationToken);
        Step("lainnya");
        await transaction.CommitAsync(cancellationToken);
        Step("COMMIT");
        return (newAgencies.Count, years.Count, counts);
    }

    private static string Profile(string agency, int year) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["agency"] = agency,
        ["agencyKind"] = "Pemda",
        ["year"] = year.ToString(CultureInfo.InvariantCulture),
        ["predicateScale"] = "DuaStatus",
    });

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        return command;
    }

    private static async Task Exec(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> Max(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private interface ITableSink
    {
        Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken);
    }

    /// <summary>
    /// PostgreSQL: COPY ... FROM STDIN (FORMAT BINARY), one per table, inside the open transaction. Written with the
    /// importer's synchronous calls: an awaited call per cell (tens of millions for a national set) cost more CPU than
    /// the COPY itself; the buffer is flushed to the socket as it fills either way. No time limit: a national table
    /// takes longer than a command's 30 seconds on a busy server.
    /// </summary>
    private sealed class CopySink(NpgsqlConnection connection) : ITableSink
    {
        public Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
        {
            var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
            using var importer = connection.BeginBinaryImport(sql);
            importer.Timeout = TimeSpan.Zero;
            var count = 0;
            foreach (var row in rows)
            {
                if ((++count & 0xFFFF) == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                importer.StartRow();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null:
                            importer.WriteNull();
                            break;
                        case string s:
                            importer.Write(s, NpgsqlDbType.Text);
                            break;
                        case int i:
                            importer.Write(i, NpgsqlDbType.Integer);
                            break;
                        case bool b:
                            importer.Write(b, NpgsqlDbType.Boolean);
                            break;
                        case DateTimeOffset t:
                            importer.Write(t.UtcDateTime, NpgsqlDbType.TimestampTz);
                            break;
                        default:
                            throw new InvalidOperationException("jenis kolom tidak didukung: " + value.GetType());
                    }
                }
            }

            importer.Complete();
            return Task.CompletedTask;
        }
    }

    /// <summary>SQLite: one prepared INSERT per table, reused for every row, inside the open transaction.</summary>
    private sealed class InsertSink(DbConnection connection, DbTransaction transaction) : ITableSink
    {
        public async Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
        {
            await using var command = Command(connection, transaction,
                $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})");
            var parameters = columns.Select((_, i) =>
            {
                var p = command.CreateParameter();
                p.ParameterName = "$p" + i;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                    parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                        var v => v,
                    };
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
