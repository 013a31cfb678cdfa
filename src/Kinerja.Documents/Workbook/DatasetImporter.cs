using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>
/// Turns a raw workbook into a <see cref="PerformanceDataset"/>. Every error is collected with its
/// location before the file is refused: all or nothing, nothing guessed.
/// </summary>
public sealed partial class DatasetImporter
{
    private static readonly string[] RequiredSheets = ["plan", "indicators", "targets", "realisasi"];

    private readonly List<ImportError> _errors = [];
    private readonly RawWorkbook _raw;

    private DatasetImporter(RawWorkbook raw) => _raw = raw;

    /// <summary>Reads a .xlsx or .json workbook file and imports it.</summary>
    public static PerformanceDataset Load(string path)
    {
        InputFile.Require(path);
        var raw = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => JsonWorkbook.Read(path),
            ".xlsx" => XlsxWorkbook.Read(path),
            var other => throw new WorkbookImportException([new ImportError(new SourceLocation(Path.GetFileName(path), "(berkas)", 0, ""), $"jenis berkas \"{other}\" tidak didukung; gunakan .xlsx atau .json")]),
        };
        return Import(raw);
    }

    public static RawWorkbook ReadRaw(string path) => InputFile.RequireThen(path, () => string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase) ? JsonWorkbook.Read(path) : XlsxWorkbook.Read(path));

    public static PerformanceDataset Import(RawWorkbook raw)
    {
        var importer = new DatasetImporter(raw);
        var dataset = importer.Build();
        if (importer._errors.Count > 0)
            throw new WorkbookImportException(importer._errors);
        return dataset!;
    }

    private SourceLocation SheetLocation(string sheetJson) =>
        new(_raw.FileName, _raw.IsJson ? sheetJson : WorkbookSchema.Sheets.FirstOrDefault(s => s.Json == sheetJson)?.Sheet ?? WorkbookSchema.ProfileSheet, 0, "", Json: _raw.IsJson);

    private void Error(SourceLocation location, string message) => _errors.Add(new ImportError(location, message));

    private PerformanceDataset? Build()
    {
        if (!_raw.HasProfile)
            Error(SheetLocation("profile"), _raw.IsJson ? "bagian \"profile\" tidak ada" : "sheet \"Profil\" tidak ada");
        foreach (var sheet in RequiredSheets)
        {
            if (!_raw.Sheets.ContainsKey(sheet))
                Error(SheetLocation(sheet), _raw.IsJson ? $"bagian \"{sheet}\" tidak ada" : $"sheet \"{WorkbookSchema.Sheet(sheet).Sheet}\" tidak ada");
        }

        if (_errors.Count > 0)
            return null;

        var profile = ReadProfile();
        var units = Rows("units").Select(ReadUnit).OfType<OrgUnit>().ToList();
        // each node stays with its own row: a refused row must not shift the locations of the rows after it
        var planRows = Rows("plan").Select(r => (Node: ReadPlanNode(r), Row: r)).Where(p => p.Node is not null).Select(p => (Node: p.Node!, p.Row)).ToList();
        var plan = planRows.Select(p => p.Node).ToList();
        Unique(plan.Select(p => p.Code), "plan", "kode rencana");
        Unique(units.Select(u => u.Code), "units", "kode unit");
        // codes that differ only in case are one code (refused above when both are defined); a reference written in
        // another case is read as the code it names, so "s1" and "S1" never become two sasaran
        var planCodes = plan.Select(p => p.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unitCodes = units.Select(u => u.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < planRows.Count; i++)
        {
            var (node, row) = planRows[i];
            if (node.ParentCode is not { } parent)
                continue;
            if (!planCodes.TryGetValue(parent, out var canonicalParent))
                Error(Where(row, "parent"), $"induk \"{parent}\" tidak ada di sheet Rencana");
            else if (canonicalParent != parent)
                plan[i] = node with { ParentCode = canonicalParent };
        }

        var indicators = new List<Indicator>();
        foreach (var row in Rows("indicators"))
        {
            var indicator = ReadIndicator(row, planCodes, unitCodes);
            if (indicator is not null)
                indicators.Add(indicator);
        }

        Unique(indicators.Select(i => i.Code), "indicators", "kode indikator");
        var byCode = indicators.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var targetRows = Rows("targets").Select(r => (Target: ReadTarget(r, byCode), Row: r)).Where(t => t.Target is not null).ToList();
        // a row not yet approved (column Persetujuan) is read and checked like any other but not measured:
        // only approved figures count, as on the web's dashboard
        var allRealisasiRows = Rows("realisasi").Select(r => (Realisasi: ReadRealisasi(r, byCode), Row: r, Approved: IsApproved(r))).Where(t => t.Realisasi is not null).ToList();
        var realisasiRows = allRealisasiRows.Where(t => t.Approved).Select(t => (t.Realisasi, t.Row)).ToList();
        var targets = targetRows.Select(t => t.Target!).ToList();
        var realisasi = realisasiRows.Select(r => r.Realisasi!).ToList();
        DuplicatePeriods(targetRows.Select(t => ((t.Target!.IndicatorCode, t.Target.Period, t.Target.Document), t.Row)).ToList(), "target");
        DuplicatePeriods(realisasiRows.Select(r => ((r.Realisasi!.IndicatorCode, r.Realisasi.Period, (string?)null), r.Row)).ToList(), "realisasi");
        DuplicatePeriods(allRealisasiRows.Where(t => !t.Approved).Select(r => ((r.Realisasi!.IndicatorCode, r.Realisasi.Period, (string?)null), r.Row)).ToList(), "realisasi yang belum disahkan");
        var benchmarks = Rows("benchmarks").Select(r => ReadBenchmark(r, byCode)).OfType<Benchmark>().ToList();
        var budget = Rows("budget").Select(ReadBudgetLine).OfType<BudgetLine>().ToList();
        if (BudgetOverflow.Find(budget) is { } overflow)
        {
            var first = Rows("budget").FirstOrDefault(r => r.Row == overflow.Lines[0].SourceRow);
            Error(first is null ? SheetLocation("budget") : Where(first, "pagu"), InputFile.BudgetOverflowMessage(overflow.What, overflow.Lines, l => RowName("budget", l.SourceRow)));
        }

        var printedFigures = Rows("printedFigures").Select(r => ReadPrintedFigure(r, planCodes, byCode, profile)).OfType<PrintedFigure>().ToList();
        var narratives = Rows("narratives").Select(r => new Narrative(Required(r, "goal") ?? "", Required(r, "kind") ?? "", Required(r, "text") ?? "")).ToList();
        var staff = ReadStaff(unitCodes);
        var awards = ReadAwards();
        var innovations = ReadInnovations(unitCodes);
        var followUps = ReadFollowUps();
        var problems = ReadProblems();
        var strategicIssues = ReadStrategicIssues();
        var supportingPrograms = ReadSupportingPrograms(planCodes);
        var pkVersions = ReadPkVersions(planCodes, byCode.Keys.ToHashSet(StringComparer.Ordinal));
        CheckActionPlan(byCode, profile?.Year);
        var (withFormulas, dataElements, dataValues) = DataImporter.Merge(_raw, _errors, indicators, units, [], []);

        if (profile is null)
            return null;
        CapaianBeyondRange(profile, byCode, targetRows.Select(t => (t.Target!, t.Row)).ToList(), realisasiRows.Select(r => (r.Realisasi!, r.Row)).ToList());
        Plausible(byCode, targetRows.Select(t => (t.Target!, t.Row)).ToList(), realisasiRows.Select(r => (r.Realisasi!, r.Row)).ToList());
        return new PerformanceDataset
        {
            Profile = profile,
            Units = units,
            Plan = plan,
            Indicators = withFormulas,
            Targets = targets,
            Realisasi = realisasi,
            Benchmarks = benchmarks,
            Budget = budget,
            PkVersions = pkVersions,
            Narratives = narratives,
            PrintedFigures = printedFigures,
            Staff = staff,
            Awards = awards,
            Innovations = innovations,
            FollowUps = followUps,
            Problems = problems,
            StrategicIssues = strategicIssues,
            SupportingPrograms = supportingPrograms,
            DataElements = dataElements,
            DataValues = dataValues,
        };
    }

    /// <summary>"baris 7" in a sheet, "budget[6]" in JSON: how an error names another row.</summary>
    private string RowName(string sheet, int row) => _raw.IsJson ? $"{sheet}[{row - 1}]" : $"baris {row}";

    /// <summary>
    /// Each realisasi against the targets of its own period: a pair whose capaian is beyond a decimal (63% against a
    /// target of 0,0000000000000000000000000001%) is refused at the realisasi, naming the target's row.
    /// </summary>
    private void CapaianBeyondRange(AgencyProfile profile, Dictionary<string, Indicator> indicators, List<(Target Target, RawRow Row)> targets, List<(Realisasi Realisasi, RawRow Row)> realisasi)
    {
        var targetsByKey = targets.ToLookup(t => (t.Target.IndicatorCode, t.Target.Period));
        foreach (var (measured, row) in realisasi)
        {
            if (measured.Value is not { } value || !indicators.TryGetValue(measured.IndicatorCode, out var indicator))
                continue;
            foreach (var (target, targetRow) in targetsByKey[(measured.IndicatorCode, measured.Period)])
            {
                if (CapaianCalculator.Overflows(indicator, target.Value, value, profile))
                    Error(Where(row, "value"), $"{CapaianCalculator.OverflowReason(target.Value, value)} (target di {(_raw.IsJson ? "" : "sheet Target, ")}{RowName("targets", targetRow.Row)})");
            }
        }
    }

    private IReadOnlyList<RawRow> Rows(string sheet) => _raw.Sheets.GetValueOrDefault(sheet) ?? [];

    private void Unique(IEnumerable<string> codes, string sheet, string what)
    {
        // "IK-1" and "ik-1" are one code: a reader cannot tell them apart in a report
        foreach (var group in codes.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var rows = Rows(sheet).Where(r => string.Equals(Text(r, "code"), group.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            var spellings = group.Distinct(StringComparer.Ordinal).ToList();
            var detail = spellings.Count > 1 ? $" (\"{string.Join("\" dan \"", spellings)}\" hanya berbeda huruf besar/kecil, dianggap kode yang sama)" : "";
            Error(rows.Count > 1 ? rows[1].Cells["code"].Location : SheetLocation(sheet), $"{what} \"{group.Key}\" dipakai lebih dari sekali{detail}");
        }
    }

    /// <summary>Each repeat of an indicator's period is refused at its own row, naming the row it repeats.</summary>
    private void DuplicatePeriods(IReadOnlyCollection<((string Code, Period Period, string? Document) Key, RawRow Row)> rows, string what)
    {
        // a clean sheet (the usual case) has no repeat: one set answers that without grouping every row
        var seen = new HashSet<(string, Period, string?)>(rows.Count);
        if (rows.All(r => seen.Add(r.Key)))
            return;
        foreach (var group in rows.GroupBy(r => r.Key).Where(g => g.Count() > 1))
        {
            var first = group.First().Row;
            foreach (var (key, row) in group.Skip(1))
                Error(Where(row, "indicator"), $"{what} {key.Code} periode {key.Period} diisi lebih dari sekali{(key.Document is { } d ? " pada dokumen " + d : "")}; pertama di {(_raw.IsJson ? $"{first.SheetName}[{first.Row - 1}]" : $"baris {first.Row}")}");
        }
    }

    private static string? Text(RawRow row, string column)
    {
        var text = row.Cells.GetValueOrDefault(column)?.Text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private SourceLocation Where(RawRow row, string column) =>
        row.Cells.GetValueOrDefault(column)?.Location ?? new SourceLocation(_raw.FileName, row.SheetName, row.Row, column, Json: _raw.IsJson);

    private string? Required(RawRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
            Error(Where(row, column), "wajib diisi");
        return text;
    }

    private T? Choice<T>(RawRow row, string column, IReadOnlyDictionary<string, T> choices, T? fallback)
        where T : struct
    {
        var text = Text(row, column);
        if (text is null)
            return fallback;
        if (choices.TryGetValue(text, out var value))
            return value;
        Error(Where(row, column), $"nilai \"{text}\" tidak dikenal; pilih salah satu: {string.Join(", ", choices.Keys.Distinct())}");
        return null;
    }

    private static Dictionary<string, T> Map<T>(params (string Key, T Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Polarity> Polarities = Map(("Maksimal", Polarity.HigherIsBetter), ("Minimal", Polarity.LowerIsBetter), ("Positif", Polarity.HigherIsBetter), ("Negatif", Polarity.LowerIsBetter));
    private static readonly Dictionary<string, TargetKind> Kinds = Map(("Angka", TargetKind.Number), ("Rentang", TargetKind.Range), ("Ordinal", TargetKind.Ordinal), ("Skala", TargetKind.Score), ("Nol", TargetKind.Zero), ("Teks", TargetKind.Text));
    private static readonly Dictionary<string, PeriodAggregation> Aggregations = Map(("Jumlah", PeriodAggregation.Sum), ("Akhir", PeriodAggregation.Last), ("RataRata", PeriodAggregation.Average));
    private static readonly Dictionary<string, LowerIsBetterMethod> Methods = Map(("A", LowerIsBetterMethod.A), ("B", LowerIsBetterMethod.B));
    private static readonly Dictionary<string, IndicatorType> Types = Map(("Input", IndicatorType.Input), ("Output", IndicatorType.Output), ("Outcome", IndicatorType.Outcome), ("Impact", IndicatorType.Impact), ("Dampak", IndicatorType.Impact));
    private static readonly Dictionary<string, RealisasiStatus> Statuses = Map(("Final", RealisasiStatus.Final), ("Sementara", RealisasiStatus.Provisional), ("NA", RealisasiStatus.NotAvailable), ("N/A", RealisasiStatus.NotAvailable));
    private static readonly Dictionary<string, ActingStatus> Actings = Map(("Definitif", ActingStatus.Definitive), ("Plt", ActingStatus.Plt), ("Plh", ActingStatus.Plh));
    private static readonly Dictionary<string, bool> YesNo = Map(("Ya", true), ("Tidak", false));
    private static readonly Dictionary<string, PrintedFigureKind> PrintedFigureKinds = Map(("Sasaran", PrintedFigureKind.Sasaran), ("Instansi", PrintedFigureKind.Instansi), ("Kemajuan", PrintedFigureKind.Kemajuan), ("Efisiensi", PrintedFigureKind.Efisiensi),
        ("Pagu", PrintedFigureKind.Pagu), ("RealisasiAnggaran", PrintedFigureKind.RealisasiAnggaran), ("Penghematan", PrintedFigureKind.Penghematan), ("BiayaPerOutput", PrintedFigureKind.BiayaPerOutput), ("AnggaranPK", PrintedFigureKind.AnggaranPK));
    private static readonly Dictionary<string, PlanLevel> Levels = Enum.GetValues<PlanLevel>().ToDictionary(l => l.ToString(), l => l, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, AgencyKind> AgencyKinds = Map(("KL", AgencyKind.KL), ("Pemda", AgencyKind.Pemda));
    private static readonly Dictionary<string, RoundingMode> RoundingModes = Map(("SetengahKeAtas", RoundingMode.HalfUp), ("Potong", RoundingMode.Truncate), ("Dipotong", RoundingMode.Truncate), ("HalfUp", RoundingMode.HalfUp), ("Truncate", RoundingMode.Truncate));
    private static readonly Dictionary<string, SasaranAggregation> SasaranAggregations = Map(("RataRata", SasaranAggregation.Mean), ("Berbobot", SasaranAggregation.Weighted), ("Mean", SasaranAggregation.Mean), ("Weighted", SasaranAggregation.Weighted));
    private static readonly Dictionary<string, EfficiencyMethod> EfficiencyMethods = Map(("Rasio", EfficiencyMethod.Ratio), ("Selisih", EfficiencyMethod.Difference), ("Penghematan", EfficiencyMethod.Savings), ("Ratio", EfficiencyMethod.Ratio), ("Difference", EfficiencyMethod.Difference), ("Savings", EfficiencyMethod.Savings));

    private AgencyProfile? ReadProfile()
    {
        var row = new RawRow { Row = 0, SheetName = _raw.IsJson ? "profile" : WorkbookSchema.ProfileSheet };
        foreach (var (key, cell) in _raw.Profile)
        {
            if (WorkbookSchema.ProfileKeys.All(k => !string.Equals(k.Json, key, StringComparison.OrdinalIgnoreCase)))
                Error(cell.Location, $"kunci profil \"{key}\" tidak dikenal");
            row.Cells[key] = cell;
        }

        var agency = Required(row, "agency");
        var yearText = Required(row, "year");
        int? year = null;
        if (yearText is not null)
        {
            var p = Period.Parse(yearText);
            if (p.Success && p.Value.IsYear)
                year = p.Value.Year;
            else
                Error(Where(row, "year"), $"tahun \"{yearText}\" tidak sah");
        }

        var period = year is { } y ? Period.OfYear(y) : default;
        if (Text(row, "reportPeriod") is { } periodText)
        {
            var p = Period.Parse(periodText);
            if (!p.Success || p.Value.IsRenstraEnd)
                Error(Where(row, "reportPeriod"), p.Error ?? "periode laporan tidak boleh Renstra");
            else if (year is not null && p.Value.Year != year)
                Error(Where(row, "reportPeriod"), $"periode laporan {p.Value} tidak pada tahun {year}");
            else
                period = p.Value;
        }

        var scaleName = Text(row, "predicateScale");
        var custom = ReadPredicateScales();
        var scale = scaleName is null ? PredicateScale.TwoState : PredicateScale.FindPreset(scaleName) ?? custom.GetValueOrDefault(scaleName);
        if (scale is null)
            Error(Where(row, "predicateScale"), $"skala predikat \"{scaleName}\" tidak dikenal; pilih Permendagri86, DuaStatus, LampuLalin{(custom.Count > 0 ? ", " + string.Join(", ", custom.Keys) : "")} atau tambahkan di sheet Predikat");
        var decimals = Integer(row, "decimals") ?? 2;
        var cap = Number(row, "capaianCap");
        // a cap below 100% would cut capaian that met its target; zero or negative makes every capaian meaningless
        if (cap is < 100m)
            Error(Where(row, "capaianCap"), $"batas atas capaian \"{Text(row, "capaianCap")}\" tidak sah; isi paling sedikit 100 (mis. 120) atau kosongkan");
        if (decimals is < 0 or > 6)
            Error(Where(row, "decimals"), "desimal harus 0 sampai 6");
        var profile = agency is null || year is null || scale is null
            ? null
            : new AgencyProfile
            {
                Agency = agency,
                Year = year.Value,
                ReportPeriod = period,
                Kind = Choice(row, "agencyKind", AgencyKinds, AgencyKind.KL) ?? AgencyKind.KL,
                RenstraStart = Integer(row, "renstraStart"),
                RenstraEnd = Integer(row, "renstraEnd"),
                LowerIsBetterMethod = Choice(row, "lowerIsBetterMethod", Methods, LowerIsBetterMethod.A) ?? LowerIsBetterMethod.A,
                CapaianCap = cap,
                Rounding = Choice(row, "rounding", RoundingModes, RoundingMode.HalfUp) ?? RoundingMode.HalfUp,
                Decimals = decimals,
                ProgressRounding = Text(row, "progressRounding") is null ? null : Choice<RoundingMode>(row, "progressRounding", RoundingModes, null),
                RealisasiRounding = Text(row, "realisasiRounding") is null ? null : Choice<RoundingMode>(row, "realisasiRounding", RoundingModes, null),
                PredicateScale = scale,
                ShowStatus = Choice(row, "statusColumn", YesNo, false) ?? false,
                SasaranAggregation = Choice(row, "sasaranAggregation", SasaranAggregations, SasaranAggregation.Mean) ?? SasaranAggregation.Mean,
                EfficiencyMethod = Choice(row, "efficiencyMethod", EfficiencyMethods, EfficiencyMethod.Ratio) ?? EfficiencyMethod.Ratio,
                AbsorptionTarget = Number(row, "absorptionTarget"),
                Superior = Text(row, "superiorPosition") is { } superiorPosition
                    ? new Official(superiorPosition, Text(row, "superiorName") ?? "", Nip(row, "superiorNip"), Text(row, "superiorRank"), Choice(row, "superiorActing", Actings, ActingStatus.Definitive) ?? ActingStatus.Definitive)
                    : null,
                SigningPlace = Text(row, "signingPlace"),
                SigningDate = Date(row, "signingDate"),
                Reviewer = Text(row, "reviewerPosition") is { } reviewerPosition
                    ? new Official(reviewerPosition, Text(row, "reviewerName") ?? "", Nip(row, "reviewerNip"), Text(row, "reviewerRank"), ActingStatus.Definitive)
                    : null,
                ReviewDate = Date(row, "reviewDate"),
                ParentBody = Text(row, "parentBody"),
                Logo = ReadLogo(row),
                NegativeInParentheses = Choice(row, "negativeAmounts", NegativeStyles, false) ?? false,
                RupiahWithSpace = Choice(row, "rupiahSpace", YesNo, true) ?? true,
                AmountsInWords = Choice(row, "amountsInWords", YesNo, false) ?? false,
            };
        if (profile?.Superior is { } boss && Text(row, "superiorPolitical") is not null)
            profile = profile with { Superior = boss with { PoliticalOfficeEntered = Choice<bool>(row, "superiorPolitical", YesNo, null) } };
        return profile;
    }

    /// <summary>Custom predicate scales: rows grouped by scale name, best band first, the last band without a threshold.</summary>
    private Dictionary<string, PredicateScale> ReadPredicateScales()
    {
        var scales = new Dictionary<string, PredicateScale>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in Rows("predicateScales").GroupBy(r => Text(r, "scale") ?? "", StringComparer.OrdinalIgnoreCase))
        {
            var bands = new List<PredicateBand>();
            foreach (var row in group)
            {
                var label = Required(row, "label");
                var threshold = Number(row, "threshold");
                var inclusive = Choice(row, "inclusive", YesNo, false) ?? false;
                if (label is not null)
                    bands.Add(new PredicateBand(threshold, inclusive, label, Text(row, "color") ?? "#888888"));
            }

            if (group.Key.Length == 0)
            {
                Error(Where(group.First(), "scale"), "wajib diisi");
                continue;
            }

            try
            {
                scales[group.Key] = new PredicateScale(group.Key, bands);
            }
            catch (ArgumentException e)
            {
                Error(Where(group.Last(), "threshold"), $"skala predikat \"{group.Key}\": {e.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
            }
        }

        return scales;
    }

    /// <summary>An 18-digit NIP (spaces allowed as typed: 19751108 199903 2 005), or null when empty.</summary>
    private string? Nip(RawRow row, string column)
    {
        var text = Text(row, column)?.Replace(" ", "", StringComparison.Ordinal);
        if (text is null)
            return null;
        if (text.Length == 18 && text.All(char.IsAsciiDigit))
            return text;
        Error(Where(row, column), $"NIP \"{Text(row, column)}\" harus 18 angka");
        return null;
    }

    private int? Integer(RawRow row, string column)
    {
        var value = Number(row, column);
        if (value is null)
            return null;
        if (value != decimal.Truncate(value.Value))
        {
            Error(Where(row, column), $"harus bilangan bulat, bukan {value}");
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            Error(Where(row, column), $"angka \"{Text(row, column)}\" terlalu besar");
            return null;
        }

        return (int)value.Value;
    }

    private decimal? Number(RawRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        var parsed = IndonesianNumber.Parse(text.TrimEnd('%').Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Trim());
        if (parsed.Success)
            return parsed.Value;
        Error(Where(row, column), parsed.Error!);
        return null;
    }

    /// <summary>The printed depth of a budget row: a whole number from 1 (top row).</summary>
    private int? Depth(RawRow row)
    {
        var text = Text(row, "depth");
        if (text is null)
            return null;
        var parsed = IndonesianNumber.Parse(text);
        if (parsed.Success && parsed.Value >= 1 && parsed.Value == decimal.Truncate(parsed.Value) && parsed.Value <= 1000)
            return (int)parsed.Value;
        Error(Where(row, "depth"), $"tingkat harus bilangan bulat 1 atau lebih (1 = baris teratas), bukan \"{text}\"");
        return null;
    }

    // Rupiah columns: a lone comma before three digits ("1,500") is refused instead of read as 1,5
    private decimal? Amount(RawRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        var parsed = IndonesianNumber.ParseAmount(text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Trim());
        if (parsed.Success)
            return parsed.Value;
        Error(Where(row, column), parsed.Error!);
        return null;
    }

    private OrgUnit? ReadUnit(RawRow row)
    {
        var code = Required(row, "code");
        var name = Required(row, "name");
        var acting = Choice(row, "acting", Actings, ActingStatus.Definitive);
        var unitNip = Nip(row, "nip");
        if (code is null || name is null)
            return null;
        var official = Text(row, "official");
        var position = Text(row, "position");
        // a position without a name still says who signs and whether the holder is Plt/Plh
        return new OrgUnit
        {
            Code = code,
            Name = name,
            ParentCode = Text(row, "parent"),
            Level = Text(row, "level"),
            Head = official is null && position is null ? null : new Official(position ?? "Kepala " + name, official ?? "", unitNip, Text(row, "rank"), acting ?? ActingStatus.Definitive)
            {
                PoliticalOfficeEntered = Text(row, "political") is null ? null : Choice<bool>(row, "political", YesNo, null),
            },
        };
    }

    private PlanNode? ReadPlanNode(RawRow row)
    {
        var code = Required(row, "code");
        var name = Required(row, "name");
        var level = Text(row, "level") is null ? (PlanLevel?)null : Choice<PlanLevel>(row, "level", Levels, null);
        if (Text(row, "level") is null)
            Error(Where(row, "level"), "wajib diisi: " + string.Join(", ", WorkbookSchema.PlanLevels));
        return code is null || name is null || level is null ? null : new PlanNode { Code = code, Name = name, Level = level.Value, ParentCode = Text(row, "parent"), UnitCode = Text(row, "unit") };
    }

    private Indicator? ReadIndicator(RawRow row, HashSet<string> planCodes, HashSet<string> unitCodes)
    {
        var code = Required(row, "code");
        // one indicator may measure several plan nodes ("T1; S1": the same IKU under a tujuan and a sasaran)
        var goals = (Required(row, "goal") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var goal = goals.Length == 0 ? null : goals[0];
        var name = Required(row, "name");
        // codes that differ only in case are the same code: each goal is taken as spelled in the sheet Rencana
        for (var i = 0; i < goals.Length; i++)
        {
            if (planCodes.TryGetValue(goals[i], out var canonical))
                goals[i] = canonical;
            else
                Error(Where(row, "goal"), $"sasaran \"{goals[i]}\" tidak ada di sheet Rencana");
        }
        goal = goals.Length == 0 ? null : goals[0];
        foreach (var twice in goals.GroupBy(g => g, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            Error(Where(row, "goal"), $"sasaran \"{twice.Key}\" disebut lebih dari sekali");
        var polarity = Text(row, "polarity") is null ? null : Choice<Polarity>(row, "polarity", Polarities, null);
        if (Text(row, "polarity") is null)
            Error(Where(row, "polarity"), "wajib diisi: Maksimal atau Minimal");
        var kind = Choice(row, "targetKind", Kinds, TargetKind.Number);
        var method = Text(row, "lowerMethod") is null ? null : Choice<LowerIsBetterMethod>(row, "lowerMethod", Methods, null);
        var aggregation = Choice(row, "aggregation", Aggregations, PeriodAggregation.Last);
        var type = Choice(row, "type", Types, IndicatorType.Unspecified);
        OrdinalScale? scale = null;
        if (Text(row, "ordinalScale") is { } scaleName)
        {
            scale = OrdinalScale.Find(scaleName);
            if (scale is null)
                Error(Where(row, "ordinalScale"), $"skala ordinal \"{scaleName}\" tidak dikenal; pilih OpiniBPK atau NilaiSAKIP");
        }
        else if (kind == TargetKind.Ordinal)
        {
            Error(Where(row, "ordinalScale"), "indikator ordinal memerlukan skala ordinal (OpiniBPK atau NilaiSAKIP)");
        }

        var owner = Text(row, "owner");
        if (owner is not null && unitCodes.Count > 0 && !unitCodes.TryGetValue(owner, out owner))
            Error(Where(row, "owner"), $"unit \"{Text(row, "owner")}\" tidak ada di sheet Unit");
        var allowsNegative = Choice(row, "allowNegative", YesNo, false);
        var weight = Number(row, "weight");
        if (weight is < 0)
            Error(Where(row, "weight"), "bobot tidak boleh negatif");
        if (code is null || goal is null || name is null || polarity is null || kind is null || aggregation is null || type is null || allowsNegative is null)
            return null;
        return new Indicator
        {
            Code = code,
            GoalCode = goal,
            OtherGoalCodes = goals.Skip(1).ToList(),
            Name = name,
            Satuan = Text(row, "satuan") ?? "",
            Type = type.Value,
            Polarity = kind == TargetKind.Zero ? Polarity.LowerIsBetter : polarity.Value,
            TargetKind = kind.Value,
            LowerMethod = method,
            Aggregation = aggregation.Value,
            Weight = weight,
            OrdinalScale = scale,
            FormulaText = Text(row, "formula"),
            FormulaExpression = Text(row, "formulaExpr"),
            DataSource = Text(row, "source"),
            OwnerUnitCode = owner,
            Activity = Text(row, "activity"),
            AllowsNegative = allowsNegative ?? false,
        };
    }

    private (Indicator? Indicator, Period? Period) IndicatorAndPeriod(RawRow row, Dictionary<string, Indicator> indicators)
    {
        var code = Required(row, "indicator");
        Indicator? indicator = null;
        if (code is not null && !indicators.TryGetValue(code, out indicator))
            Error(Where(row, "indicator"), $"indikator \"{code}\" tidak ada di sheet Indikator");
        var periodText = Required(row, "period");
        Period? period = null;
        if (periodText is not null)
        {
            var parsed = Period.Parse(periodText);
            if (parsed.Success)
                period = parsed.Value;
            else
                Error(Where(row, "period"), parsed.Error!);
        }

        return (indicator, period);
    }

    private MeasuredValue? Value(RawRow row, string column, Indicator indicator)
    {
        var text = Text(row, column);
        if (text is null)
            return null;
        var parsed = MeasuredValueParser.Parse(text, indicator.TargetKind, indicator.Satuan, indicator.OrdinalScale);
        if (parsed.Success && !indicator.AllowsNegative && parsed.Value is NumberValue { Value: < 0 })
        {
            // a minus sign on a count, a share or an index is a typing error; a growth rate says so on its indicator
            var how = _raw.IsJson ? "isi \"allowNegative\": \"Ya\" pada indikator itu (bagian indicators)" : "isi kolom Boleh Negatif = Ya pada indikator itu di sheet Indikator";
            Error(Where(row, column), $"nilai negatif \"{text}\" tidak diterima untuk indikator {indicator.Code}; bila indikator ini memang dapat bernilai di bawah nol (laju pertumbuhan, mis. pertumbuhan ekonomi -2,1%), {how}");
            return null;
        }

        if (parsed.Success)
            return parsed.Value;
        Error(Where(row, column), parsed.Error!);
        return null;
    }

    private Target? ReadTarget(RawRow row, Dictionary<string, Indicator> indicators)
    {
        var (indicator, period) = IndicatorAndPeriod(row, indicators);
        var text = Required(row, "value");
        var cumulative = Choice(row, "cumulative", YesNo, true);
        if (indicator is null || period is null || text is null)
            return null;
        if (MeasuredValueParser.IsNotAvailable(text))
        {
            Error(Where(row, "value"), "target tidak boleh N/A");
            return null;
        }

        var value = Value(row, "value", indicator);
        return value is null || cumulative is null ? null : new Target(indicator.Code, period.Value, value, cumulative.Value, Text(row, "document"));
    }

    /// <summary>Column Persetujuan: empty or Disahkan counts; an unknown word is an error at its cell (and the row is treated as not approved).</summary>
    private bool IsApproved(RawRow row)
    {
        var text = Text(row, "approval");
        if (text is null || string.Equals(text, WorkbookSchema.Approved, StringComparison.OrdinalIgnoreCase))
            return true;
        if (!WorkbookSchema.ApprovalValues.Contains(text, StringComparer.OrdinalIgnoreCase))
            Error(Where(row, "approval"), $"nilai \"{text}\" tidak dikenal; pilih salah satu: {string.Join(", ", WorkbookSchema.ApprovalValues)}");
        return false;
    }

    private Realisasi? ReadRealisasi(RawRow row, Dictionary<string, Indicator> indicators)
    {
        var (indicator, period) = IndicatorAndPeriod(row, indicators);
        var text = Text(row, "value");
        var status = Choice(row, "status", Statuses, text is null || MeasuredValueParser.IsNotAvailable(text) ? RealisasiStatus.NotAvailable : RealisasiStatus.Final);
        var note = Text(row, "note");
        if (indicator is null || period is null || status is null)
            return null;
        if (period.Value.IsRenstraEnd)
        {
            Error(Where(row, "period"), "realisasi tidak boleh untuk periode Renstra");
            return null;
        }

        if (text is null || MeasuredValueParser.IsNotAvailable(text))
        {
            if (status != RealisasiStatus.NotAvailable)
                Error(Where(row, "value"), "realisasi kosong atau N/A harus berstatus NA");
            if (note is null)
                Error(Where(row, "note"), "realisasi N/A harus disertai alasan di Keterangan");
            return new Realisasi(indicator.Code, period.Value, null, RealisasiStatus.NotAvailable, note) { PrintedCapaian = Text(row, "printedCapaian") };
        }

        if (status == RealisasiStatus.NotAvailable)
        {
            Error(Where(row, "status"), $"status NA tetapi nilai \"{text}\" diisi");
            return null;
        }

        if (status == RealisasiStatus.Provisional && note is null)
            Error(Where(row, "note"), "angka sementara harus menyebut sumbernya di Keterangan");
        var value = Value(row, "value", indicator);
        return value is null ? null : new Realisasi(indicator.Code, period.Value, value, status.Value, note) { PrintedCapaian = Text(row, "printedCapaian") };
    }

    /// <summary>A printed aggregate: its kind, the code it belongs to (checked against Rencana or Indikator), its period and the figure as printed.</summary>
    private PrintedFigure? ReadPrintedFigure(RawRow row, HashSet<string> planCodes, Dictionary<string, Indicator> indicators, AgencyProfile? profile)
    {
        var kind = Choice(row, "kind", PrintedFigureKinds, (PrintedFigureKind?)null);
        var value = Required(row, "value");
        var code = Text(row, "code");
        if (kind is null)
        {
            if (Text(row, "kind") is null)
                Error(Where(row, "kind"), "wajib diisi: " + string.Join(", ", WorkbookSchema.PrintedFigureKinds));
            return null;
        }

        var known = kind switch
        {
            PrintedFigureKind.Instansi => true,
            PrintedFigureKind.Sasaran => code is not null && planCodes.Contains(code),
            PrintedFigureKind.Kemajuan or PrintedFigureKind.BiayaPerOutput => code is not null && indicators.ContainsKey(code),
            // a budget code is checked by `check` against the budget sheet; no code = the whole budget
            PrintedFigureKind.Pagu or PrintedFigureKind.RealisasiAnggaran or PrintedFigureKind.Penghematan => true,
            // no code = the PK version in force
            PrintedFigureKind.AnggaranPK => code is null || PkVersionId.Parse(code).Success,
            _ => code is not null && (indicators.ContainsKey(code) || planCodes.Contains(code)),
        };
        if (!known)
        {
            var where = kind switch { PrintedFigureKind.Sasaran => "sheet Rencana", PrintedFigureKind.Kemajuan or PrintedFigureKind.BiayaPerOutput => "sheet Indikator", _ => "sheet Indikator maupun Rencana" };
            Error(Where(row, "code"), kind == PrintedFigureKind.AnggaranPK ? $"\"{code}\": versi PK ditulis awal, perubahan-1, perubahan-2, ..." : code is null ? $"kode wajib diisi untuk jenis {kind}" : $"kode \"{code}\" tidak ada di {where}");
        }

        var amount = kind is PrintedFigureKind.Pagu or PrintedFigureKind.RealisasiAnggaran or PrintedFigureKind.Penghematan or PrintedFigureKind.BiayaPerOutput or PrintedFigureKind.AnggaranPK;
        if (amount && value is not null && !IndonesianNumber.ParseAmount(value.Trim().TrimEnd('*').Trim().TrimEnd(',', '-').Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Trim()).Success)
            Error(Where(row, "value"), $"\"{value}\" tidak terbaca sebagai jumlah rupiah (mis. Rp 12.081.204.858)");
        else if (!amount && value is not null && !IndonesianNumber.Parse(value.Trim().TrimEnd('*').TrimEnd('%').Trim()).Success)
            Error(Where(row, "value"), $"\"{value}\" tidak terbaca sebagai angka (mis. 93,93% atau 1,12)");
        Period? period = profile?.ReportPeriod;
        if (Text(row, "period") is { } periodText)
        {
            var parsed = Period.Parse(periodText);
            if (parsed.Success)
                period = parsed.Value;
            else
                Error(Where(row, "period"), parsed.Error!);
        }

        if (!known || value is null || period is null)
            return null;
        if (kind == PrintedFigureKind.AnggaranPK && code is not null)
            code = PkVersionId.Parse(code).Value.Code;
        return new PrintedFigure(kind.Value, kind == PrintedFigureKind.Instansi ? null : code, period.Value, value, Text(row, "source")) { SourceRow = row.Row, KnownError = Text(row, "knownError") };
    }

    private Benchmark? ReadBenchmark(RawRow row, Dictionary<string, Indicator> indicators)
    {
        var (indicator, period) = IndicatorAndPeriod(row, indicators);
        var level = Required(row, "level");
        if (indicator is null || period is null || level is null)
            return null;
        var text = Required(row, "value");
        if (text is null)
            return null;
        if (MeasuredValueParser.IsNotAvailable(text))
            return new Benchmark(indicator.Code, period.Value, level, Text(row, "name") ?? level, null);
        var value = Value(row, "value", indicator);
        return value is null ? null : new Benchmark(indicator.Code, period.Value, level, Text(row, "name") ?? level, value);
    }

    /// <summary>Staff counts (sheet Pegawai): a whole number of people per unit, dimension and category, each entered once.</summary>
    private List<StaffCount> ReadStaff(HashSet<string> unitCodes)
    {
        var staff = new List<StaffCount>();
        var seen = new Dictionary<(string?, string, string, string?), RawRow>();
        foreach (var row in Rows("staff"))
        {
            var unit = Text(row, "unit");
            if (unit is not null && unitCodes.Count > 0 && !unitCodes.Contains(unit))
                Error(Where(row, "unit"), $"unit \"{unit}\" tidak ada di sheet Unit");
            var dimension = Required(row, "dimension");
            var category = Required(row, "category");
            var count = StaffNumber(row);
            var sex = StaffSex(row);
            if (dimension is null || category is null || count is null)
                continue;
            var key = (unit, dimension.ToUpperInvariant(), category.ToUpperInvariant(), sex);
            if (seen.TryGetValue(key, out var first))
            {
                Error(Where(row, "category"), $"kategori \"{category}\"{(sex is null ? "" : $" ({sex})")} pada dimensi {dimension} diisi lebih dari sekali; pertama di {(_raw.IsJson ? $"{first.SheetName}[{first.Row - 1}]" : $"baris {first.Row}")}");
                continue;
            }

            seen[key] = row;
            staff.Add(new StaffCount(unit, dimension, category, count.Value) { Sex = sex });
        }

        return staff;
    }

    /// <summary>"L" or "P" (also Laki-laki, Pria, Perempuan, Wanita); empty = both.</summary>
    private string? StaffSex(RawRow row)
    {
        var text = Text(row, "sex");
        if (text is null)
            return null;
        switch (text.Trim().ToUpperInvariant())
        {
            case "L" or "LK" or "LAKI-LAKI" or "LAKI LAKI" or "PRIA":
                return "L";
            case "P" or "PR" or "PEREMPUAN" or "WANITA":
                return "P";
            default:
                Error(Where(row, "sex"), $"jenis kelamin \"{text}\": tulis L (laki-laki) atau P (perempuan), atau kosongkan");
                return null;
        }
    }

    private int? StaffNumber(RawRow row)
    {
        var text = Text(row, "count");
        if (text is null)
        {
            Error(Where(row, "count"), "wajib diisi");
            return null;
        }

        var parsed = IndonesianNumber.Parse(text);
        if (!parsed.Success)
        {
            Error(Where(row, "count"), parsed.Error!);
            return null;
        }

        // a head count is whole and never negative: 2,5 or -3 people is a typing error, not a figure to round
        if (parsed.Value < 0 || parsed.Value != decimal.Truncate(parsed.Value) || parsed.Value > int.MaxValue)
        {
            Error(Where(row, "count"), $"jumlah pegawai harus bilangan bulat 0 atau lebih, bukan \"{text}\"");
            return null;
        }

        return (int)parsed.Value;
    }

    private BudgetLine? ReadBudgetLine(RawRow row)
    {
        // a row printed without pagu and realisasi is a heading ("Dinas", "UPTD", a program title): its figures are its rows'
        var heading = Text(row, "pagu") is null && Text(row, "realisasi") is null;
        var code = heading ? Text(row, "code") ?? "" : Required(row, "code");
        var name = Required(row, "name");
        var pagu = heading ? 0m : Text(row, "pagu") is null ? null : Amount(row, "pagu");
        var realisasi = heading ? 0m : Text(row, "realisasi") is null ? null : Amount(row, "realisasi");
        if (!heading && Text(row, "pagu") is null)
            Error(Where(row, "pagu"), "wajib diisi (kosongkan pagu dan realisasi sekaligus untuk baris judul tanpa angka)");
        if (!heading && Text(row, "realisasi") is null)
            Error(Where(row, "realisasi"), "wajib diisi (kosongkan pagu dan realisasi sekaligus untuk baris judul tanpa angka)");
        if (heading)
        {
            foreach (var column in new[] { "blokir", "printedAbsorption", "realisasiTw1", "realisasiTw2", "realisasiTw3", "realisasiTw4" }.Where(c => Text(row, c) is not null))
                Error(Where(row, column), "baris judul (pagu dan realisasi kosong) tidak boleh berisi angka lain; isi pagu dan realisasinya, atau kosongkan kolom ini");
        }

        var depth = Depth(row);
        var blokir = Amount(row, "blokir");
        var quarters = new List<decimal>();
        var gapAt = 0;
        for (var q = 1; q <= 4; q++)
        {
            var column = "realisasiTw" + q;
            if (Text(row, column) is null)
            {
                gapAt = gapAt == 0 ? q : gapAt;
                continue;
            }

            if (gapAt > 0)
                Error(Where(row, column), $"realisasi triwulan {Period.Roman(q)} diisi padahal triwulan {Period.Roman(gapAt)} kosong; isi dari TW I berurutan");
            else if (Amount(row, column) is { } amount)
                quarters.Add(amount);
        }

        if (code is null || name is null || pagu is null || realisasi is null)
            return null;
        return new BudgetLine
        {
            Code = code,
            Name = name,
            ParentCode = Text(row, "parent"),
            Level = Text(row, "level"),
            Depth = depth,
            IsHeading = heading,
            Pagu = pagu.Value,
            Blokir = blokir,
            Realisasi = realisasi.Value,
            PrintedAbsorption = Number(row, "printedAbsorption"),
            QuarterlyRealisasi = quarters,
            Funds = (Text(row, "goals") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            SourceRow = row.Row,
        };
    }
}
