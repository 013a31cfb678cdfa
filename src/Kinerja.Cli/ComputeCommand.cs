using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kinerja.Documents.Workbook;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Cli;

public static class ComputeCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var file = options.Argument(0, "FILE");
        var format = options.Value("format") ?? "tabel";
        if (format is not ("tabel" or "table" or "csv" or "json"))
            throw new UsageException($"--format \"{format}\" tidak dikenal; pilih tabel, csv atau json");
        // realisasi of indicators with a computable formula come from the counts (issue 6)
        var loaded = CliApp.LoadDataset(options, file);
        // a formula that cannot be evaluated leaves the typed realisasi in place: say so rather than fall back silently
        var formulaFailures = Kinerja.Domain.Formulas.FormulaRealisasi.Derive(loaded)
            .Where(c => c.Outcome.Kind == Kinerja.Domain.Formulas.FormulaOutcomeKind.Error)
            .Select(c => $"{c.Indicator.Code} {c.Period}: realisasi tidak dapat dihitung dari data ({c.Outcome.Message}); yang dipakai angka yang diketik")
            .ToList();
        var period = CliApp.ParsePeriod(options) ?? loaded.Profile.ReportPeriod;
        // a period without a target or a realisasi would print a table of dashes: refused, as `report` refuses it
        if (PeriodCoverage.EmptyReason(loaded, period) is { } empty)
            throw new UsageException($"periode {period} tidak dapat dihitung: {empty}");
        var data = Measure.Prepare(loaded);
        var result = PerformanceCalculator.Compute(data, period);
        // the printed capaian are judged by the same check `kinerja check` runs, on the same figures
        var printedFindings = Kinerja.Domain.Validation.PrintedCapaianCheck.Check(loaded, data, result.Period)
            .Where(f => f.Severity != Kinerja.Domain.Validation.Severity.Info).Select(f => $"  {f.Code}: {f.Message}").ToList();
        switch (format)
        {
            case "csv":
                WriteCsv(result, output);
                break;
            case "json":
                WriteJson(result, output);
                break;
            default:
                WriteTable(data, result, output, formulaFailures, printedFindings);
                break;
        }

        return CliApp.Ok;
    }

    internal static string Percent(AgencyProfile profile, decimal? value) => CapaianDisplay.Percent(profile, value);

    internal static string CapaianText(AgencyProfile profile, Capaian capaian) => CapaianDisplay.Text(profile, capaian);

    internal static string ValueText(AgencyProfile profile, MeasuredValue? value) =>
        value is null ? "-" : value.Display(profile.Decimals, profile.Rounding);

    private static string RealisasiValueText(AgencyProfile profile, MeasuredValue? value) =>
        value is null ? "-" : value.Display(profile.Decimals, profile.RealisasiRounding ?? profile.Rounding);

    internal static string RealisasiText(AgencyProfile profile, Realisasi? realisasi) => realisasi switch
    {
        null => "-",
        { IsNotAvailable: true } => "N/A",
        { Status: RealisasiStatus.Provisional } => RealisasiValueText(profile, realisasi.Value) + "*",
        _ => RealisasiValueText(profile, realisasi.Value),
    };

    private static void WriteTable(PerformanceDataset data, PerformanceResult result, TextWriter output, IReadOnlyList<string> formulaFailures, IReadOnlyList<string> printedFindings)
    {
        var p = result.Profile;
        output.WriteLine($"{p.Agency}");
        output.WriteLine($"Pengukuran kinerja periode {result.Period.Label} ({CategoryPhrase(p.PredicateScale)}, pembulatan {(p.Rounding == RoundingMode.HalfUp ? "setengah ke atas" : "dipotong")}, {p.Decimals} desimal{(p.CapaianCap is { } cap ? ", batas capaian " + IndonesianNumber.Format(cap, 0) + "%" : "")})");
        output.WriteLine();
        string[] headers = p.ShowStatus ? ["Kode", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori", "Status"] : ["Kode", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"];
        string[] Row(params string[] cells) => cells.Take(headers.Length).ToArray();
        var rows = new List<string[]>();
        var notes = new List<string>();
        foreach (var goal in result.Goals)
        {
            rows.Add(Row(goal.Goal.Code, Shorten(goal.Goal.Name, 70), "", "", "", "", "", ""));
            foreach (var row in goal.Indicators)
            {
                rows.Add(Row(
                    "  " + row.Indicator.Code,
                    Shorten(row.Indicator.Name, 60),
                    Shorten(row.Indicator.Satuan, 12),
                    ValueText(p, row.Target),
                    RealisasiText(p, row.Realisasi),
                    CapaianText(p, row.Capaian) + (row.Capaian.WasCapped ? " (batas)" : ""),
                    row.Predicate ?? (row.Capaian.Status == CapaianStatus.NotAvailable ? "N/A" : "tidak dihitung, lihat catatan"),
                    row.Status ?? "-"));
                if (row.Realisasi is { Status: RealisasiStatus.Provisional, Note: { } source })
                    notes.Add($"* {row.Indicator.Code}: angka sementara ({source})");
                if (row.Realisasi?.Note is { } computed && computed.StartsWith(Kinerja.Domain.Formulas.FormulaRealisasi.NotePrefix, StringComparison.Ordinal))
                    notes.Add($"{row.Indicator.Code}: realisasi {computed}");
                if (row.Capaian.Status != CapaianStatus.Computed)
                    notes.Add($"{row.Indicator.Code}: {row.Capaian.Reason}");
            }
        }

        WriteAligned(output, headers, rows);
        output.WriteLine();
        output.WriteLine("Capaian per sasaran (rata-rata indikator, N/A tidak dihitung):");
        var goalRows = result.Goals.Select(g => new[] { g.Goal.Code, Shorten(g.Goal.Name, 70), g.CountedIndicators + "/" + g.Indicators.Count, Percent(p, g.Capaian), g.Predicate ?? "-" }).ToList();
        WriteAligned(output, ["Kode", "Sasaran", "Indikator", "Capaian", "Kategori"], goalRows);
        output.WriteLine();
        output.WriteLine($"Capaian kinerja instansi: {Percent(p, result.AgencyCapaian)}{(result.AgencyPredicate is { } ap ? " (" + ap + ")" : "")}, rata-rata sasaran teratas {string.Join(", ", result.TopGoals.Select(g => g.Goal.Code))}");
        notes.AddRange(formulaFailures);
        WriteRenstraAndTrend(data, result, output);
        if (printedFindings.Count > 0)
        {
            notes.Add("Capaian tercetak yang tidak cocok dengan hasil hitung:");
            notes.AddRange(printedFindings);
        }

        if (notes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Catatan:");
            foreach (var note in notes)
                output.WriteLine(note);
        }
    }

    /// <summary>"kategori menurut Permendagri Nomor 86 Tahun 2017", "kategori Tercapai atau Tidak Tercapai".</summary>
    private static string CategoryPhrase(PredicateScale scale) => scale.Name switch
    {
        "DuaStatus" => "kategori Tercapai atau Tidak Tercapai",
        "LampuLalin" => "kategori " + Kinerja.Documents.Reports.ReportFormat.ScaleTitle(scale),
        _ => "kategori menurut " + Kinerja.Documents.Reports.ReportFormat.ScaleTitle(scale),
    };

    private static void WriteRenstraAndTrend(PerformanceDataset data, PerformanceResult result, TextWriter output)
    {
        var p = result.Profile;
        var progress = ProgressCalculator.Renstra(data, result.Period.YearPeriod);
        if (progress.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Kemajuan terhadap target akhir Renstra{(p.RenstraEnd is { } end ? " " + end : "")}:");
            WriteAligned(output, ["Kode", "Target Akhir", "Realisasi " + result.Period.Year, "Kemajuan"],
                progress.Select(g => new[] { g.Indicator.Code, ValueText(p, g.RenstraTarget), RealisasiText(p, g.Realisasi), g.Progress.HasValue ? p.FormatProgressPercent(g.Progress.Value) : CapaianText(p, g.Progress) }).ToList());
        }

        var trends = data.Indicators.Select(i => (Indicator: i, Points: ProgressCalculator.Trend(data, i))).Where(t => t.Points.Count > 1).ToList();
        if (trends.Count == 0)
            return;
        var years = trends.SelectMany(t => t.Points.Select(x => x.Period.Year)).Distinct().Order().ToList();
        output.WriteLine();
        output.WriteLine("Perbandingan realisasi dengan tahun-tahun sebelumnya:");
        WriteAligned(output, ["Kode", .. years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
            trends.Select(t => new[] { t.Indicator.Code }.Concat(years.Select(y => RealisasiText(p, t.Points.FirstOrDefault(x => x.Period.Year == y)?.Realisasi))).ToArray()).ToList());
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void WriteAligned(TextWriter output, string[] headers, List<string[]> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((c, i) => i >= 3 && i <= 5 && headers.Length >= 7 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
    }

    private static void WriteCsv(PerformanceResult result, TextWriter output)
    {
        var p = result.Profile;
        output.WriteLine("tingkat;kode;sasaran;nama;satuan;target;realisasi;status;capaian;capaian_penuh;predikat");
        foreach (var row in result.Indicators)
        {
            output.WriteLine(string.Join(';', "indikator", Csv(row.Indicator.Code), Csv(string.Join(',', row.Indicator.GoalCodes)), Csv(row.Indicator.Name), Csv(row.Indicator.Satuan),
                Csv(ValueText(p, row.Target)), Csv(RealisasiText(p, row.Realisasi)), row.Capaian.Status, CapaianText(p, row.Capaian),
                row.Capaian.HasValue ? Exact(row.Capaian.Value) : "", Csv(row.Predicate ?? "")));
        }

        foreach (var goal in result.Goals)
        {
            output.WriteLine(string.Join(';', "sasaran", Csv(goal.Goal.Code), Csv(goal.Goal.ParentCode ?? ""), Csv(goal.Goal.Name), "", "", "", "", Percent(p, goal.Capaian),
                goal.Capaian is { } gc ? Exact(gc) : "", Csv(goal.Predicate ?? "")));
        }

        output.WriteLine(string.Join(';', "instansi", "", "", Csv(p.Agency), "", "", "", "", Percent(p, result.AgencyCapaian),
            result.AgencyCapaian is { } ac ? Exact(ac) : "", Csv(result.AgencyPredicate ?? "")));
    }

    /// <summary>The full-precision value without trailing zeros, invariant, for machines.</summary>
    private static string Exact(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// One CSV field. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
    /// apostrophe, so opening the CSV never executes what someone typed into a workbook; a plain negative number
    /// ("-1,5" or "-2%") stays a number.
    /// </summary>
    public static string Csv(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNegativeNumber(text))
            text = "'" + text;
        return text.Contains(';') || text.Contains('"') || text.Contains('\n') || text.Contains('\r') ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static bool IsNegativeNumber(string text) =>
        text.Length > 1 && text[0] == '-' && text.AsSpan(1).TrimEnd('%').Length > 0 && text.AsSpan(1).TrimEnd('%').IndexOfAnyExcept("0123456789.,") < 0;

    private static void WriteJson(PerformanceResult result, TextWriter output)
    {
        var p = result.Profile;
        var model = new ComputeJson(
            p.Agency,
            result.Period.ToString(),
            result.Indicators.Select(r => new ComputeJsonIndicator(
                r.Indicator.Code,
                r.Indicator.GoalCode,
                r.Indicator.OtherGoalCodes,
                r.Indicator.Name,
                r.Indicator.Satuan,
                r.Target?.Original,
                r.Target?.Note,
                r.Realisasi?.Value?.Original,
                r.Realisasi?.Value?.Note,
                r.Realisasi?.Status.ToString(),
                r.Realisasi?.Note,
                r.Capaian.Status.ToString(),
                r.Capaian.HasValue ? r.Capaian.Value : null,
                CapaianText(p, r.Capaian),
                r.Capaian.WasCapped,
                r.Predicate,
                r.Status,
                r.PrintedCheck.ToString())).ToList(),
            result.Goals.Select(g => new ComputeJsonGoal(g.Goal.Code, g.Goal.Name, g.Capaian, Percent(p, g.Capaian), g.Predicate)).ToList(),
            result.AgencyCapaian,
            Percent(p, result.AgencyCapaian),
            result.AgencyPredicate);
        // source-generated metadata, so the published (Native AOT) binary needs no reflection to write it
        var options = new JsonSerializerOptions(ComputeJsonContext.Default.Options)
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        output.WriteLine(JsonSerializer.Serialize(model, (JsonTypeInfo<ComputeJson>)options.GetTypeInfo(typeof(ComputeJson))));
    }
}

/// <summary>The shape of <c>compute --format json</c> (property names camelCase, in this order).</summary>
internal sealed record ComputeJson(
    string Agency,
    string Period,
    IReadOnlyList<ComputeJsonIndicator> Indicators,
    IReadOnlyList<ComputeJsonGoal> Goals,
    decimal? AgencyCapaian,
    string AgencyCapaianDisplay,
    string? AgencyPredicate);

internal sealed record ComputeJsonIndicator(
    string Code,
    string Goal,
    IReadOnlyList<string> OtherGoals,
    string Name,
    string? Satuan,
    string? Target,
    string? TargetNote,
    string? Realisasi,
    string? RealisasiNote,
    string? RealisasiStatus,
    string? Note,
    string CapaianStatus,
    decimal? Capaian,
    string CapaianDisplay,
    bool Capped,
    string? Predicate,
    string? Status,
    string PrintedCheck);

internal sealed record ComputeJsonGoal(string Code, string Name, decimal? Capaian, string CapaianDisplay, string? Predicate);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ComputeJson))]
internal sealed partial class ComputeJsonContext : JsonSerializerContext;
