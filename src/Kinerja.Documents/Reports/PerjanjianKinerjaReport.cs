using Kinerja.Domain.Budget;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// The Perjanjian Kinerja (PermenPANRB 53/2014): the agreement text, both signatures (showing
/// Plt/Plh) and the annex of sasaran, indicators, targets and budget. A PK Perubahan uses the
/// targets recorded with a "Perubahan" document when there are any.
/// </summary>
public static class PerjanjianKinerjaReport
{
    public static ReportDocument Build(ReportRequest request)
    {
        var data = request.Data;
        var period = (request.Period ?? data.Profile.ReportPeriod).YearPeriod;
        var year = ReportFormat.Number(period.Year);
        var doc = new ReportDocument
        {
            Title = $"Perjanjian Kinerja{(request.Perubahan ? " Perubahan" : "")} {data.Profile.Agency} Tahun {year}",
            Agency = data.Profile.Agency,
            Profile = data.Profile,
        };
        var c = new ReportComposer(doc);
        AppendAgreement(c, data, period, request.Perubahan, asAnnex: false);
        return doc;
    }

    /// <summary>The agreement pages; inside a Laporan Kinerja they form the Lampiran.</summary>
    public static void AppendAgreement(ReportComposer c, PerformanceDataset data, Period period, bool perubahan, bool asAnnex)
    {
        var year = ReportFormat.Number(period.Year);
        var title = "PERJANJIAN KINERJA" + (perubahan ? " PERUBAHAN" : "") + " TAHUN " + year;
        if (asAnnex)
            c.Paragraph(title, ParagraphKind.Centered);
        else
            c.Heading(1, title);
        c.Paragraph(data.Profile.Agency.ToUpperInvariant(), ParagraphKind.Centered);
        var first = ReportFacts.Signatory(ReportFacts.TopUnit(data), "PIHAK PERTAMA");
        var superior = data.Profile.Superior;
        var second = superior is null
            ? new Signatory("PIHAK KEDUA", "(jabatan atasan langsung belum diisi)", "(nama atasan langsung belum diisi)", null, null)
            : new Signatory("PIHAK KEDUA", superior.SigningPosition, string.IsNullOrWhiteSpace(superior.Name) ? "(nama atasan langsung belum diisi)" : superior.Name, superior.Rank, superior.Nip);
        c.Paragraph("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:");
        c.Add(new BulletListBlock([
            $"Nama: {first.Name}; Jabatan: {first.Position}; selanjutnya disebut pihak pertama.",
            $"Nama: {second.Name}; Jabatan: {second.Position}; selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
        ]));
        c.Paragraph($"Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.");
        c.Paragraph("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.");
        c.Add(new SignatureBlock(ReportFacts.PlaceAndDateLine(data.Profile, period.Year), [second, first]));
        if (perubahan && !data.Targets.Any(t => IsPerubahan(t) && t.Period == period))
            c.Placeholder($"Belum ada target dengan dokumen \"PK Perubahan\" untuk tahun {year}; lampiran memuat target Perjanjian Kinerja awal.");
        c.Add(new PageBreakBlock());
        c.Paragraph("LAMPIRAN " + title, ParagraphKind.Centered);
        AnnexTable(c, data, new ReportFormat(data.Profile), period, perubahan);
        ProgramBudget(c, data, new ReportFormat(data.Profile), year);
        c.Add(new SignatureBlock(ReportFacts.PlaceAndDateLine(data.Profile, period.Year), [second, first]));
    }

    /// <summary>Sasaran, indicators and targets of the year, with the budget behind each sasaran.</summary>
    public static ReportTable? AnnexTable(ReportComposer c, PerformanceDataset data, ReportFormat f, Period period, bool perubahan)
    {
        var rows = new List<ReportRow>();
        var number = 0;
        foreach (var node in data.Plan)
        {
            var indicators = data.Indicators.Where(i => i.Measures(node.Code)).ToList();
            if (indicators.Count == 0)
                continue;
            number++;
            // the engine's budget of the sasaran: its own lines, else the lines linked to its indicators
            var funding = BudgetAnalysis.ForSasaran(data, node.Code);
            var budget = funding.HasBudget ? f.Amount(funding.Amounts.Pagu) : new ReportCell("-");
            for (var i = 0; i < indicators.Count; i++)
            {
                var indicator = indicators[i];
                var target = TargetOf(data, indicator, period, perubahan);
                rows.Add(new ReportRow([
                    i == 0 ? ReportFormat.Number(number) : "",
                    i == 0 ? $"{node.Code} {node.Name}" : "",
                    $"{indicator.Code} {indicator.Name}",
                    ReportFormat.Satuan(indicator),
                    f.Value(target, indicator.Satuan),
                    i == 0 ? budget : "",
                ]));
            }
        }

        if (rows.Count == 0)
        {
            c.Placeholder("Sasaran dan indikator Perjanjian Kinerja belum diisi pada workbook.");
            return null;
        }

        return c.Table($"Sasaran, Indikator dan Target Perjanjian Kinerja{(perubahan ? " Perubahan" : "")} Tahun {ReportFormat.Number(period.Year)}",
            [new("No", 5, CellAlign.Center), new("Sasaran", 26), new("Indikator Kinerja", 30), new("Satuan", 9, CellAlign.Center), new("Target", 11, CellAlign.Right), new("Anggaran (Rp)", 19, CellAlign.Right)],
            rows, ["Anggaran sasaran: jumlah pagu baris anggaran yang dikaitkan dengan sasaran itu, atau dengan indikatornya bila sasaran tidak ditautkan langsung (sheet Anggaran, kolom goals)."]);
    }

    private static void ProgramBudget(ReportComposer c, PerformanceDataset data, ReportFormat f, string year)
    {
        var tree = ReportFacts.BudgetTree(data);
        var programs = tree.Where(x => string.Equals(x.Line.Level, "Program", StringComparison.OrdinalIgnoreCase)).Select(x => x.Line).ToList();
        if (programs.Count == 0)
            programs = tree.Where(x => x.Depth == 0).Select(x => x.Line).ToList();
        if (programs.Count == 0)
        {
            c.Placeholder("Anggaran program belum diisi pada workbook (sheet Anggaran).");
            return;
        }

        var rows = programs.Select((p, i) => new ReportRow([ReportFormat.Number(i + 1), p.Code, p.Name, f.Amount(p.Pagu)])).ToList();
        rows.Add(new ReportRow(["", "", "Jumlah", f.Amount(programs.Sum(p => p.Pagu))], RowKind.Total));
        c.Table($"Program dan Anggaran Tahun {year}", [new("No", 6, CellAlign.Center), new("Kode", 12), new("Program", 58), new("Anggaran (Rp)", 24, CellAlign.Right)], rows);
    }

    private static bool IsPerubahan(Target t) => t.Document?.Contains("Perubahan", StringComparison.OrdinalIgnoreCase) == true;

    private static MeasuredValue? TargetOf(PerformanceDataset data, Indicator indicator, Period period, bool perubahan)
    {
        if (perubahan)
        {
            var changed = data.Targets.FirstOrDefault(t => t.IndicatorCode == indicator.Code && t.Period == period && IsPerubahan(t));
            if (changed is not null)
                return changed.Value;
        }

        var original = data.Targets.FirstOrDefault(t => t.IndicatorCode == indicator.Code && t.Period == period && !IsPerubahan(t));
        return original?.Value ?? PeriodValues.TargetFor(data, indicator, period);
    }
}
