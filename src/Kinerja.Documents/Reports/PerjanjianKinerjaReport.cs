using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// The Perjanjian Kinerja (PermenPANRB 53/2014) of one version (awal or a perubahan): the statement,
/// the signatures of that version's officials on its date, and the annex of sasaran, indicators and
/// targets with the budget that version promised. The top of a K/L and a Kepala Daerah sign a one-party
/// statement ("yang bertanda tangan di bawah ini ... berjanji", seed 000); everyone else the two-party
/// agreement with the superior.
/// </summary>
public static class PerjanjianKinerjaReport
{
    public static ReportDocument Build(ReportRequest request)
    {
        var data = request.Data;
        var period = (request.Period ?? data.Profile.ReportPeriod).YearPeriod;
        var version = VersionOf(request) ?? throw new ArgumentException(NoSuchVersion(data, RequestedVersion(request)), nameof(request));
        var doc = new ReportDocument
        {
            Title = $"{version.Id.Title} {data.Profile.Agency} Tahun {ReportFormat.Number(period.Year)}",
            Agency = data.Profile.Agency,
            Profile = data.Profile,
            Draft = request.Draft,
        };
        var c = new ReportComposer(doc);
        AppendAgreement(c, data, period, version, asAnnex: false);
        return doc;
    }

    /// <summary>The version a request asks for; null when it names one the workbook does not have.</summary>
    public static PkVersion? VersionOf(ReportRequest request) => PerjanjianKinerja.Find(request.Data, RequestedVersion(request));

    private static string? RequestedVersion(ReportRequest request) =>
        request.Versi ?? (request.Perubahan ? "perubahan" : "awal");

    /// <summary>Why a version cannot be built: which versions there are.</summary>
    public static string NoSuchVersion(PerformanceDataset data, string? requested) =>
        $"Perjanjian Kinerja versi \"{requested}\" tidak ada; versi yang tercatat: {string.Join(", ", PerjanjianKinerja.Versions(data).Select(v => v.Id.Code))}"
        + (string.Equals(requested?.Trim(), "perubahan", StringComparison.OrdinalIgnoreCase) ? " (isi baris perubahan-1 di sheet PK, atau target dengan dokumen \"PK Perubahan\")" : "");

    /// <summary>The agreement pages of one version; inside a Laporan Kinerja they form the Lampiran.</summary>
    public static void AppendAgreement(ReportComposer c, PerformanceDataset data, Period period, PkVersion version, bool asAnnex)
    {
        var year = ReportFormat.Number(period.Year);
        var title = version.Id.Title.ToUpperInvariant() + " TAHUN " + year;
        var what = version.Id.Title + (version.Id.Kind == PkVersionKind.Awal ? " awal" : "");
        var oneParty = PerjanjianKinerja.IsOneParty(data, version);
        var firstOfficial = PerjanjianKinerja.FirstParty(data, version);
        if (asAnnex)
            c.Paragraph(title, ParagraphKind.Centered);
        else
            c.Heading(1, title);
        c.Paragraph((oneParty && firstOfficial is not null ? firstOfficial.SigningPosition : data.Profile.Agency).ToUpperInvariant(), ParagraphKind.Centered);
        var first = ReportFacts.Signatory(c, firstOfficial, oneParty ? "" : "PIHAK PERTAMA", "pihak pertama " + what, ReportFacts.TopUnit(data) is { } top ? "Kepala " + top.Name : null);
        var place = version.Place ?? data.Profile.SigningPlace;
        var dateLine = ReportFacts.PlaceAndDateLine(c, place, version.SignedOn, period.Year, what);
        IReadOnlyList<Signatory> parties;
        if (oneParty)
        {
            c.Paragraph("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, yang bertanda tangan di bawah ini:");
            c.Add(new FieldListBlock([("Nama", first.Name), ("Jabatan", first.Position)]));
            c.Paragraph("berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.");
            parties = [first];
        }
        else
        {
            var superior = PerjanjianKinerja.SecondParty(data, version);
            var second = ReportFacts.Signatory(c, superior, "PIHAK KEDUA", "atasan langsung (pihak kedua) " + what, where: "Profil: Jabatan Atasan dan Nama Atasan, atau sheet PK kolom Pihak Kedua");
            c.Paragraph("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:");
            c.Add(new FieldListBlock([("Nama", first.Name), ("Jabatan", first.Position)]));
            c.Paragraph("selanjutnya disebut pihak pertama;");
            c.Add(new FieldListBlock([("Nama", second.Name), ("Jabatan", second.Position)]));
            c.Paragraph("selaku atasan pihak pertama, selanjutnya disebut pihak kedua.");
            c.Paragraph("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.");
            c.Paragraph("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.");
            parties = [second, first];
        }

        c.Add(new SignatureBlock(dateLine, parties));
        c.Add(new PageBreakBlock());
        c.Paragraph("LAMPIRAN " + title, ParagraphKind.Centered);
        c.Paragraph((oneParty && firstOfficial is not null ? firstOfficial.SigningPosition : data.Profile.Agency).ToUpperInvariant(), ParagraphKind.Centered);
        var f = new ReportFormat(data.Profile);
        AnnexTable(c, data, f, period, version);
        ProgramBudget(c, data, f, year, version);
        c.Add(new SignatureBlock(dateLine, parties));
    }

    /// <summary>
    /// The plan nodes a PK promises (issue 20 item 6): the sasaran of the signing level with their indicators, never the
    /// tujuan's indicator (a Renstra matter) nor programmes and kegiatan; only when no sasaran has an indicator do the
    /// other nodes serve.
    /// </summary>
    public static IReadOnlyList<PlanNode> PkNodes(PerformanceDataset data)
    {
        var measured = data.Plan.Where(n => data.IndicatorsMeasuring(n.Code).Any()).ToList();
        var sasaran = measured.Where(n => n.Level is not (PlanLevel.Tujuan or PlanLevel.Program or PlanLevel.Kegiatan or PlanLevel.SubKegiatan)).ToList();
        if (sasaran.Count == 0)
            return measured;
        // the highest sasaran level present is the signing official's (Sasaran Strategis of a ministry, Sasaran of a Dinas)
        var top = sasaran.Min(n => n.Level);
        return sasaran.Where(n => n.Level == top).ToList();
    }

    /// <summary>Sasaran, indicators and the targets of the version, with the Penanggung Jawab of each indicator where given.</summary>
    public static ReportTable? AnnexTable(ReportComposer c, PerformanceDataset data, ReportFormat f, Period period, PkVersion version)
    {
        var rows = new List<ReportRow>();
        var number = 0;
        var owners = data.Indicators.Any(i => i.OwnerUnitCode is not null);
        foreach (var node in PkNodes(data))
        {
            var indicators = data.IndicatorsMeasuring(node.Code).ToList();
            if (indicators.Count == 0)
                continue;
            number++;
            for (var i = 0; i < indicators.Count; i++)
            {
                var indicator = indicators[i];
                var target = PerjanjianKinerja.TargetOf(data, indicator.Code, period, version.Id)?.Value ?? PeriodValues.TargetFor(data, indicator, period);
                ReportCell[] cells = [
                    i == 0 ? ReportFormat.Number(number) : "",
                    i == 0 ? node.Name : "",
                    indicator.Name,
                    ReportFormat.Satuan(indicator),
                    f.Value(target, indicator.Satuan),
                ];
                rows.Add(new ReportRow(owners ? [.. cells, LkjipReport.OwnerPost(data, indicator.OwnerUnitCode)] : cells));
            }
        }

        if (rows.Count == 0)
        {
            c.Missing($"Sasaran dan indikator {version.Id.Title} tahun {ReportFormat.Number(period.Year)} belum diisi (sheet Rencana dan Indikator).", required: true);
            return null;
        }

        var sasaranHeader = data.Profile.Kind == AgencyKind.KL ? "Sasaran Strategis" : "Sasaran";
        ReportColumn[] columns = owners
            ? [new("No", 5, CellAlign.Center), new(sasaranHeader, 26), new("Indikator Kinerja", 29), new("Satuan", 9, CellAlign.Center), new("Target", 11, CellAlign.Right), new("Penanggung Jawab", 20)]
            : [new("No", 5, CellAlign.Center), new(sasaranHeader, 32), new("Indikator Kinerja", 36), new("Satuan", 10, CellAlign.Center), new("Target", 12, CellAlign.Right)];
        return c.Table($"Sasaran, Indikator dan Target {version.Id.Title} Tahun {ReportFormat.Number(period.Year)}", columns, rows);
    }

    /// <summary>
    /// The program budget of every version side by side (seed 000 Tabel 2.3 "Perubahan Alokasi Anggaran"),
    /// when the year has more than one signed version with a budget (a draft perubahan is not reported).
    /// </summary>
    public static ReportTable? BudgetByVersion(ReportComposer c, PerformanceDataset data, ReportFormat f, string year)
    {
        var draft = PerjanjianKinerja.Draft(data)?.Id;
        var versions = PerjanjianKinerja.Versions(data).Where(v => v.Budget.Count > 0 && v.Id != draft).ToList();
        if (versions.Count < 2)
            return null;
        var programs = versions.SelectMany(v => TopLines(v)).Select(l => (l.Code, l.Name)).DistinctBy(p => p.Code).ToList();
        var rows = programs.Select((p, i) => new ReportRow([
            ReportFormat.Number(i + 1), p.Name,
            .. versions.Select(v => TopLines(v).FirstOrDefault(l => l.Code == p.Code) is { } line ? f.Amount(line.Pagu) : new ReportCell("-")),
        ])).ToList();
        rows.Add(new ReportRow(["", "Jumlah", .. versions.Select(v => f.Amount(TopLines(v).Sum(l => l.Pagu)))], RowKind.Total));
        var width = Math.Max(12, 60 / versions.Count);
        return c.Table($"Perubahan Alokasi Anggaran pada Perjanjian Kinerja Tahun {year}",
            [new("No", 5, CellAlign.Center), new("Program", 30), .. versions.Select(v => new ReportColumn($"Pagu {v.Id.Title.Replace("Perjanjian Kinerja", "PK", StringComparison.Ordinal)}{(v.SignedOn is { } d ? " (" + d + ")" : "")}", width, CellAlign.Right))],
            rows);
    }

    private static List<PkBudgetLine> TopLines(PkVersion version)
    {
        var codes = version.Budget.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var top = version.Budget.Where(l => string.Equals(l.Level, "Program", StringComparison.OrdinalIgnoreCase)).ToList();
        return top.Count > 0 ? top : version.Budget.Where(l => l.ParentCode is null || !codes.Contains(l.ParentCode)).ToList();
    }

    /// <summary>
    /// The budget the version promised (sheet AnggaranPK), at its top level (programs); a workbook without a PK
    /// budget for the version falls back to the pagu of the realisasi budget, and a draft says so.
    /// </summary>
    private static void ProgramBudget(ReportComposer c, PerformanceDataset data, ReportFormat f, string year, PkVersion version)
    {
        var isKl = data.Profile.Kind == AgencyKind.KL;
        List<(string Code, string Name, decimal Pagu, string? Pengampu)> programs;
        var kegiatan = new List<PkBudgetLine>();
        decimal? ownTotal = null;
        if (version.Budget.Count > 0)
        {
            programs = TopLines(version).Where(l => !IsTotal(l)).Select(l => (l.Code, l.Name, l.Pagu, l.Pengampu)).ToList();
            kegiatan = version.Budget.Where(l => string.Equals(l.Level, "Kegiatan", StringComparison.OrdinalIgnoreCase) && l.ParentCode is not null).ToList();
            // the Jumlah the PK itself prints, when it has one (the check compares it with the sum of its programmes)
            ownTotal = version.Budget.FirstOrDefault(IsTotal)?.Pagu;
        }
        else
        {
            c.Missing($"Anggaran {version.Id.Title} ({version.Id.Code}) belum diisi di sheet AnggaranPK; lampiran memakai pagu sheet Anggaran.", required: false);
            var tree = ReportFacts.BudgetTree(data);
            var lines = tree.Where(x => string.Equals(x.Line.Level, "Program", StringComparison.OrdinalIgnoreCase)).Select(x => x.Line).ToList();
            if (lines.Count == 0)
                lines = tree.Where(x => x.Depth == 0).Select(x => x.Line).ToList();
            programs = lines.Select(l => (l.Code, l.Name, l.Pagu, (string?)null)).ToList();
        }

        if (programs.Count == 0)
        {
            c.Placeholder("Anggaran program Perjanjian Kinerja belum diisi (sheet AnggaranPK).");
            return;
        }

        // the Pejabat Pengampu column only when the PK names one for some line (issue 20 item 6)
        var pengampu = programs.Any(p => !string.IsNullOrWhiteSpace(p.Pengampu)) || kegiatan.Any(k => !string.IsNullOrWhiteSpace(k.Pengampu));
        ReportCell[] Cells(string number, string name, ReportCell amount, string? official) =>
            pengampu ? [number, name, amount, string.IsNullOrWhiteSpace(official) ? "" : official.Trim()] : [number, name, amount];
        var rows = new List<ReportRow>();
        for (var i = 0; i < programs.Count; i++)
        {
            var p = programs[i];
            rows.Add(new ReportRow(Cells(ReportFormat.Number(i + 1), Printed(p.Code, p.Name, isKl), f.Amount(p.Pagu), p.Pengampu), kegiatan.Count > 0 ? RowKind.Group : RowKind.Normal));
            foreach (var k in kegiatan.Where(k => k.ParentCode == p.Code))
                rows.Add(new ReportRow(Cells("", "  " + Printed(k.Code, k.Name, isKl), f.Amount(k.Pagu), k.Pengampu)));
        }

        var total = ownTotal ?? programs.Sum(p => p.Pagu);
        rows.Add(new ReportRow(Cells("", "Jumlah", f.Amount(total), null), RowKind.Total));
        var notes = f.Profile.AmountsInWords ? [$"Jumlah anggaran: {f.RupiahText(total)} ({Terbilang.Rupiah(total)})."] : Array.Empty<string>();
        var name = kegiatan.Count > 0 ? "Program / Kegiatan" : "Program";
        ReportColumn[] columns = pengampu
            ? [new("No", 6, CellAlign.Center), new(name, 46), new("Anggaran (Rp)", 24, CellAlign.Right), new("Pejabat Pengampu", 24)]
            : [new("No", 6, CellAlign.Center), new(name, 64), new("Anggaran (Rp)", 30, CellAlign.Right)];
        c.Table($"Program dan Anggaran {version.Id.Title} Tahun {year}", columns, rows, notes);
    }

    /// <summary>
    /// A line as printed: a Pemda's official code before the name, a key typed only to link rows ("P1") left out; a K/L's
    /// PK names its programmes without codes (seed 000).
    /// </summary>
    private static string Printed(string code, string name, bool isKl) => !isKl && ReportFormat.OfficialCode(code, AgencyKind.Pemda) is { } official ? official + " " + name : name;

    /// <summary>A PK budget line that is the PK's own total ("Jumlah", level Jumlah/Total): printed as the Jumlah row, never as a programme.</summary>
    private static bool IsTotal(PkBudgetLine line) =>
        line.Level is { } level && (level.Equals("Jumlah", StringComparison.OrdinalIgnoreCase) || level.Equals("Total", StringComparison.OrdinalIgnoreCase))
        || line.Name.Trim().Equals("Jumlah", StringComparison.OrdinalIgnoreCase);
}
