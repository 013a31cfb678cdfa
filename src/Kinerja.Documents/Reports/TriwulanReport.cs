using System.Text.RegularExpressions;
using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// Laporan Capaian Kinerja Triwulan in the format of seed 001: a summary table (annual target,
/// quarter target, realisasi s.d. TW, capaian), then per indicator its background, measurement
/// table, rencana aksi with status, kendala and upaya.
/// </summary>
public static partial class TriwulanReport
{
    /// <summary>A planned action of the quarter, read from an Analisis narrative "Rencana Aksi TW I 1: ... Status: Terlaksana."</summary>
    public sealed record PlannedAction(string Number, string Text, string Status);

    [GeneratedRegex(@"^Rencana Aksi(?:\s+TW\s*[IV1-4]+)?\s*(?<n>[0-9]+)?\s*:\s*(?<text>.*?)(?:\s*Status\s*:\s*(?<status>[^.]+)\.?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ActionPattern();

    public static ReportDocument Build(ReportRequest request)
    {
        var data = request.Data;
        var profile = data.Profile;
        var period = request.Period ?? profile.ReportPeriod;
        if (!period.IsQuarter)
            throw new ArgumentException($"laporan triwulan memerlukan periode triwulan (mis. {ReportFormat.Number(period.Year)}-TW1), bukan {period.Label}", nameof(request));
        var result = PerformanceCalculator.Compute(data, period);
        var f = new ReportFormat(profile);
        var tw = "Triwulan " + Period.Roman(period.Quarter);
        var year = ReportFormat.Number(period.Year);
        var doc = new ReportDocument { Title = $"Laporan Capaian Kinerja {tw} Tahun {year} {profile.Agency}", Agency = profile.Agency, Profile = profile, Draft = request.Draft };
        var c = new ReportComposer(doc) { Fields = text => Domain.Narratives.NarrativeFields.Expand(text, data, result) };
        c.Add(new CoverBlock(["LAPORAN CAPAIAN KINERJA", tw.ToUpperInvariant() + " TAHUN " + year], ReportFacts.CoverAgencyLines(profile), year));
        c.Heading(1, "DAFTAR ISI", startsPage: true);
        c.Add(new TableOfContentsBlock());

        c.Heading(1, "A. RINGKASAN CAPAIAN " + tw.ToUpperInvariant(), startsPage: true);
        var summary = SummaryTable(c, data, result, f, period);
        var measured = result.Indicators.Count(r => r.Capaian.HasValue);
        c.Paragraph($"{summary.Label} menyajikan capaian {ReportFormat.Number(result.Indicators.Count)} indikator kinerja s.d. {tw} Tahun {year}; {ReportFormat.Number(measured)} indikator dapat diukur.{(result.AgencyCapaian is { } a ? $" Rata-rata capaian sasaran adalah {f.PercentText(a)}." : "")}");
        var measuredRows = result.Indicators.Where(r => r.Capaian.HasValue).ToList();
        var bars = measuredRows.Select(r => (Charts.BarLabel(r.Indicator.Code, r.Indicator.Name, measuredRows.Count), r.Capaian.Value)).ToList();
        if (bars.Count > 0)
            c.Figure($"Capaian Indikator Kinerja s.d. {tw} {year}", Charts.Bars($"Capaian s.d. {tw} {year}", bars, profile.Decimals, profile.Rounding), Charts.Width, Charts.BarChartHeight(bars.Count));

        c.Heading(1, "B. CAPAIAN PER INDIKATOR", startsPage: true);
        foreach (var row in result.Indicators)
            IndicatorSection(c, data, row, f, period, tw);

        c.Heading(1, "C. PENUTUP", startsPage: true);
        var reached = result.Indicators.Count(r => r.Capaian.HasValue && r.Capaian.Value >= 100m);
        c.Paragraph($"Sampai dengan {tw} Tahun {year}, {ReportFormat.Number(reached)} dari {ReportFormat.Number(measured)} indikator yang dapat diukur telah mencapai atau melampaui target triwulan.");
        if (data.Profile.SigningDate is { } signed && !LkjipReport.AfterPeriod(signed, period))
            c.Missing($"Laporan {period.Label} bertanggal {signed}, sebelum triwulannya berakhir (Profil, Tanggal Penandatanganan).", required: true);
        // a quarterly progress report is an internal one: seed 001 signs it without NIP, so a missing NIP does not refuse it
        c.Add(new SignatureBlock(
            ReportFacts.PlaceAndDateLine(c, data.Profile.SigningPlace, data.Profile.SigningDate, period.Year, "laporan"),
            [ReportFacts.Signatory(c, ReportFacts.TopUnit(data), "", "pimpinan unit", nipRequired: false)]));
        return doc;
    }

    private static ReportTable SummaryTable(ReportComposer c, PerformanceDataset data, PerformanceResult result, ReportFormat f, Period period)
    {
        var tw = "TW " + Period.Roman(period.Quarter);
        var rows = new List<ReportRow>();
        var notes = new List<string>();
        foreach (var goal in result.Goals)
        {
            rows.Add(new ReportRow([goal.Goal.Code, goal.Goal.Name, "", "", "", "", f.Percent(goal.Capaian)], RowKind.Group));
            foreach (var row in goal.Indicators)
            {
                var annual = PeriodValues.TargetFor(data, row.Indicator, period.YearPeriod);
                rows.Add(new ReportRow([row.Indicator.Code, row.Indicator.Name, ReportFormat.Satuan(row.Indicator), f.Value(annual, row.Indicator.Satuan),
                    f.Value(row.Target, row.Indicator.Satuan), f.Realisasi(row.Realisasi, row.Indicator.Satuan), f.Capaian(row.Capaian)]));
                if (row.Realisasi is { Status: RealisasiStatus.Provisional } r)
                    notes.Add($"* {row.Indicator.Code}: angka sementara{(r.Note is { } n ? ", sumber: " + n.TrimEnd('.') : "")}.");
                if (row.Capaian.WasCapped)
                    notes.Add($"{row.Indicator.Code}: capaian {f.PercentText(row.Capaian.Uncapped)} dibatasi menjadi {f.PercentText(row.Capaian.Value)}.");
                if (!row.Capaian.HasValue && row.Capaian.Reason is { } reason)
                    notes.Add($"{row.Indicator.Code}: {reason}.");
            }
        }

        return c.Table($"Capaian Indikator Kinerja s.d. {tw} Tahun {ReportFormat.Number(period.Year)}",
            [new("Kode", 11), new("Sasaran / Indikator Kinerja", 33), new("Satuan", 9, CellAlign.Center), new("Target Tahunan", 13, CellAlign.Right), new($"Target {tw}", 13, CellAlign.Right), new($"Realisasi s.d. {tw}", 12, CellAlign.Right), new("Capaian", 11, CellAlign.Right)],
            rows, notes);
    }

    private static void IndicatorSection(ReportComposer c, PerformanceDataset data, IndicatorResult row, ReportFormat f, Period period, string tw)
    {
        var indicator = row.Indicator;
        c.Heading(2, $"{indicator.Code} {indicator.Name}");
        Narratives(c, "Latar belakang:", ReportFacts.NarrativesOf(data, indicator.Code, "LatarBelakang").ToList(), "Latar belakang indikator belum diisi (sheet Narasi, jenis LatarBelakang).", bullets: false);
        if (!string.IsNullOrWhiteSpace(indicator.FormulaText))
            c.Paragraph("Formula: " + indicator.FormulaText);
        var annual = PeriodValues.TargetFor(data, indicator, period.YearPeriod);
        c.Table($"Pengukuran {indicator.Code} s.d. {tw}",
            [new("Target Tahunan", 18, CellAlign.Right), new("Target " + tw, 18, CellAlign.Right), new("Realisasi s.d. " + tw, 20, CellAlign.Right), new("Capaian", 18, CellAlign.Right), new("Status", 26, CellAlign.Center)],
            [new ReportRow([f.Value(annual, indicator.Satuan), f.Value(row.Target, indicator.Satuan), f.Realisasi(row.Realisasi, indicator.Satuan), f.Capaian(row.Capaian), f.Predicate(row)])],
            Notes(row, f));

        var narratives = ReportFacts.NarrativesOf(data, indicator.Code, "Analisis").ToList();
        var actions = narratives.Select(ParseAction).Where(a => a is not null).Select(a => a!).ToList();
        if (actions.Count == 0)
        {
            c.Placeholder("Rencana aksi triwulan ini belum diisi (sheet Narasi, jenis Analisis, diawali \"Rencana Aksi\").");
        }
        else
        {
            c.Paragraph("Rencana aksi " + tw + ":", ParagraphKind.Label);
            c.Table($"Rencana Aksi {indicator.Code} {tw}", [new("No", 8, CellAlign.Center), new("Rencana Aksi", 67), new("Status", 25, CellAlign.Center)],
                actions.Select((a, i) => new ReportRow([a.Number.Length > 0 ? a.Number : ReportFormat.Number(i + 1), a.Text, a.Status])).ToList());
        }

        foreach (var text in narratives.Where(n => ParseAction(n) is null))
            c.Paragraph(text, ParagraphKind.Narrative);
        Narratives(c, "Kendala:", ReportFacts.NarrativesOf(data, indicator.Code, "Kendala").Concat(ReportFacts.NarrativesOf(data, indicator.Code, "Penghambat")).ToList(), "Kendala belum diisi (sheet Narasi, jenis Kendala).", bullets: true);
        Narratives(c, "Upaya:", ReportFacts.NarrativesOf(data, indicator.Code, "Upaya").ToList(), "Upaya belum diisi (sheet Narasi, jenis Upaya).", bullets: true);
    }

    private static List<string> Notes(IndicatorResult row, ReportFormat f)
    {
        var notes = new List<string>();
        if (row.Realisasi is { Note: { } note })
            notes.Add((row.Realisasi.Status == RealisasiStatus.Provisional ? "* angka sementara, sumber: " : "Keterangan: ") + note);
        if (row.Capaian.WasCapped)
            notes.Add($"Capaian {f.PercentText(row.Capaian.Uncapped)} dibatasi menjadi {f.PercentText(row.Capaian.Value)}.");
        return notes;
    }

    /// <summary>The texts under their label; without texts neither prints (a label with nothing under it is an empty section) and the draft's checklist names what to fill.</summary>
    private static void Narratives(ReportComposer c, string label, IReadOnlyList<string> texts, string placeholder, bool bullets)
    {
        if (texts.Count == 0)
        {
            c.Placeholder(placeholder);
            return;
        }

        c.Paragraph(label, ParagraphKind.Label);
        if (bullets)
            c.Add(new BulletListBlock(texts.Select(c.Fields).ToList()));
        else
            foreach (var t in texts)
                c.Paragraph(t, ParagraphKind.Narrative);
    }

    public static PlannedAction? ParseAction(string text)
    {
        if (!text.TrimStart().StartsWith("Rencana Aksi", StringComparison.OrdinalIgnoreCase))
            return null;
        var m = ActionPattern().Match(text.Trim());
        if (!m.Success)
            return null;
        var status = m.Groups["status"].Success ? m.Groups["status"].Value.Trim() : "-";
        return new PlannedAction(m.Groups["n"].Value, m.Groups["text"].Value.Trim().TrimEnd('.'), status);
    }
}
