using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Rendering;

public enum ReportKind
{
    /// <summary>Laporan Kinerja (LKjIP / LKj).</summary>
    Lkjip,

    /// <summary>Perjanjian Kinerja.</summary>
    Pk,

    /// <summary>Laporan Capaian Kinerja Triwulan.</summary>
    Triwulan,
}

/// <summary>One computation, three renderers: builds the report model once and writes it by the file extension.</summary>
public static class ReportWriter
{
    public static ReportDocument Build(ReportKind kind, ReportRequest request) => kind switch
    {
        ReportKind.Lkjip => LkjipReport.Build(request),
        ReportKind.Pk => PerjanjianKinerjaReport.Build(request),
        _ => TriwulanReport.Build(request),
    };

    /// <summary>
    /// What <c>kinerja report</c> does before writing: refuses an empty shell (an annual report from quarterly
    /// data only, a quarter without data, a PK without targets, a PK version that does not exist), runs the
    /// checks, builds the document, and then refuses a final report while a check finds an error or a required
    /// item is missing. A draft is built anyway, with the DRAF mark and the checklist page at its end.
    /// </summary>
    /// <exception cref="ReportRefusedException">The report cannot be built as asked; Reasons say what to fill or correct.</exception>
    public static ReportDocument Prepare(ReportKind kind, ReportRequest request)
    {
        if (EmptyShell(kind, request) is { } shell)
            throw new ReportRefusedException([shell], draftHelps: false);
        var findings = Domain.Validation.DatasetValidator.Check(request.Data);
        var errors = findings.Where(f => f.Severity == Domain.Validation.Severity.Error && Concerns(kind, f)).ToList();
        var report = Build(kind, request);
        report.RemoveEmptySections();
        DocumentChecks.Apply(report, kind == ReportKind.Lkjip ? findings : []);
        if (report.Draft)
        {
            AppendChecklist(report, errors);
            return report;
        }

        var reasons = errors.Select(e => "temuan pemeriksaan: " + e + Advice(e))
            .Concat(report.Checklist.Where(i => i.Required).Select(i => "belum lengkap: " + i.Text)).ToList();
        if (reasons.Count > 0)
            throw new ReportRefusedException(reasons, draftHelps: true);
        return report;
    }

    /// <summary>The sheets a Perjanjian Kinerja prints from: the plan, the indicators and targets, the PK versions and their budget, who signs.</summary>
    private static readonly HashSet<string> PkSheets = new(StringComparer.OrdinalIgnoreCase) { "Profil", "Unit", "Rencana", "Indikator", "Target", "PK", "AnggaranPK" };

    /// <summary>
    /// Whether a check error refuses this document (issue 20 item 10): a PK is signed in January and prints the plan,
    /// targets and its own budget, so an error in the year's realisasi or realisasi anggaran does not hold it back.
    /// The Laporan Kinerja and the triwulan print every figure and are refused by every error.
    /// </summary>
    public static bool Concerns(ReportKind kind, Domain.Validation.Finding finding) =>
        kind != ReportKind.Pk || PkSheets.Contains(finding.Sheet);

    /// <summary>What to do about a finding on a figure a published report printed: this document prints the computed one.</summary>
    private static string Advice(Domain.Validation.Finding finding) =>
        finding.Rule == Domain.Validation.PrintedFigureCheck.Rule
            ? " -> laporan ini mencetak angka hasil hitung; bila data realisasi dan target benar, angka pada laporan yang telah terbit keliru: "
              + "perencana atau administrator instansi menandainya sebagai kesalahan publikasi yang diketahui, dengan alasannya, di halaman Angka Tercetak (kolom Kesalahan Publikasi pada sheet AngkaTercetak); "
              + "bila Nilai pada baris itu salah ketik dari laporan, perbaiki Nilainya di halaman yang sama; bila angka tercetak yang benar, perbaiki realisasi atau target yang menjadi dasar hitungnya"
            : "";

    /// <summary>Why the report would be an empty shell, or null when there is something to report.</summary>
    public static string? EmptyShell(ReportKind kind, ReportRequest request)
    {
        var data = request.Data;
        var period = request.Period ?? data.Profile.ReportPeriod;
        // a period with nothing at all is refused as `compute` refuses it, with the periods the workbook has
        var about = kind == ReportKind.Triwulan && period.IsQuarter ? period : period.YearPeriod;
        if (Domain.Measurement.PeriodCoverage.EmptyReason(data, about) is { } empty)
        {
            var title = kind switch { ReportKind.Lkjip => "laporan kinerja tahunan", ReportKind.Pk => "Perjanjian Kinerja", _ => "laporan triwulan" };
            return $"{title} {(about.IsQuarter ? about.Label : about.Year)} tidak dibuat: {empty}";
        }

        switch (kind)
        {
            case ReportKind.Lkjip:
            {
                var year = period.YearPeriod;
                if (data.Realisasi.Any(r => r.Period == year))
                    return null;
                return data.Realisasi.Any(r => r.Period.IsQuarter && r.Period.Year == year.Year)
                    ? $"laporan kinerja tahunan {year.Year} tidak dibuat: hanya ada realisasi triwulan, belum ada realisasi tahun {year.Year}; buat laporan triwulan (kinerja report triwulan ... --period {year.Year}-TW1)"
                    : $"laporan kinerja tahunan {year.Year} tidak dibuat: belum ada realisasi tahun {year.Year} (sheet Realisasi)";
            }

            case ReportKind.Triwulan:
                if (!period.IsQuarter || data.Realisasi.Any(r => r.Period == period))
                    return null;
                return $"laporan triwulan {period.Label} tidak dibuat: belum ada realisasi untuk periode {period} (sheet Realisasi)";
            default:
            {
                var year = period.YearPeriod;
                if (!data.Targets.Any(t => t.Period == year))
                    return $"Perjanjian Kinerja {year.Year} tidak dibuat: belum ada target tahun {year.Year} (sheet Target)";
                var asked = request.Versi ?? (request.Perubahan ? "perubahan" : "awal");
                return PerjanjianKinerjaReport.VersionOf(request) is null ? PerjanjianKinerjaReport.NoSuchVersion(data, asked) : null;
            }
        }
    }

    /// <summary>The draft's last page: what is missing and what the checks found, to settle before signing.</summary>
    private static void AppendChecklist(ReportDocument report, IReadOnlyList<Domain.Validation.Finding> errors)
    {
        var c = new ReportComposer(report);
        c.Heading(1, "DAFTAR PERIKSA DRAF", startsPage: true);
        if (report.Parts.Count > 0)
        {
            c.Paragraph("Kelengkapan laporan menurut PermenPANRB Nomor 53 Tahun 2014:", ParagraphKind.Label);
            c.Table("Kelengkapan Laporan Kinerja", [new("No", 6, CellAlign.Center), new("Bagian", 54), new("Wajib", 10, CellAlign.Center), new("Status", 30)],
                report.Parts.Select((p, i) => new ReportRow([ReportFormat.Number(i + 1), p.Name, p.Required ? "Ya" : "Bila ada", p.Present ? "Ada" : "Belum ada: " + p.Need])).ToList());
        }

        var required = report.Checklist.Where(i => i.Required).Select(i => i.Text).ToList();
        var optional = report.Checklist.Where(i => !i.Required).Select(i => i.Text).ToList();
        if (required.Count == 0 && optional.Count == 0 && errors.Count == 0)
        {
            c.Paragraph("Tidak ada isian yang kurang dan tidak ada galat pemeriksaan; laporan dapat dibuat sebagai versi final (tanpa --draft).");
            return;
        }

        c.Paragraph("Halaman ini hanya ada pada draf. Laporan final dibuat setelah butir wajib dan galat pemeriksaan di bawah ini diselesaikan.");
        if (required.Count > 0)
        {
            c.Paragraph("Wajib dilengkapi sebelum laporan final:", ParagraphKind.Label);
            c.Add(new BulletListBlock(required));
        }

        if (errors.Count > 0)
        {
            c.Paragraph("Galat pemeriksaan data (kinerja check):", ParagraphKind.Label);
            c.Add(new BulletListBlock(errors.Select(e => e.ToString()).ToList()));
        }

        if (optional.Count > 0)
        {
            c.Paragraph("Bagian yang tidak dimuat karena datanya belum ada:", ParagraphKind.Label);
            c.Add(new BulletListBlock(optional));
        }
    }

    public static bool IsSupported(string path) => Path.GetExtension(path).ToLowerInvariant() is ".docx" or ".pdf" or ".xlsx";

    public static void Write(ReportDocument report, string path) => Write(report, path, null, null);

    /// <summary>Writes the report; a PDF conversion stops after <paramref name="pdfTimeout"/> and reports its progress to <paramref name="progress"/>.</summary>
    public static void Write(ReportDocument report, string path, TimeSpan? pdfTimeout, Action<TimeSpan>? progress) =>
        Write(report, path, pdfTimeout, progress, CancellationToken.None);

    /// <summary>As above; <paramref name="cancel"/> stops a PDF conversion (LibreOffice killed, temporaries removed).</summary>
    public static void Write(ReportDocument report, string path, TimeSpan? pdfTimeout, Action<TimeSpan>? progress, CancellationToken cancel)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".docx":
                WordRenderer.Write(report, path);
                break;
            case ".xlsx":
                ExcelRenderer.Write(report, path);
                break;
            case ".pdf":
            {
                // a big agency's document: converted in parts, in parallel (issue 20 item 11)
                if (PartedPdf.Suits(report) && PartedPdf.Available())
                {
                    PartedPdf.Convert(report, path, pdfTimeout ?? PdfConverter.DefaultTimeout, progress, cancel);
                    break;
                }

                var docx = Path.Combine(Path.GetTempPath(), "kinerja-" + Guid.NewGuid().ToString("N") + ".docx");
                try
                {
                    WordRenderer.Write(report, docx);
                    PdfConverter.Convert(docx, path, pdfTimeout, progress, cancel);
                }
                finally
                {
                    File.Delete(docx);
                }

                break;
            }

            default:
                throw new ArgumentException($"format \"{Path.GetExtension(path)}\" tidak didukung; gunakan .docx, .pdf atau .xlsx", nameof(path));
        }
    }
}

/// <summary>A report that cannot be built as asked: an empty shell, or a final report with errors or missing items.</summary>
public sealed class ReportRefusedException(IReadOnlyList<string> reasons, bool draftHelps)
    : Exception("laporan tidak dibuat: " + string.Join("; ", reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;

    /// <summary>Whether <c>--draft</c> would build it (missing items and findings), or nothing would (an empty shell).</summary>
    public bool DraftHelps { get; } = draftHelps;
}
