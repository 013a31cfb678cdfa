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

    public static bool IsSupported(string path) => Path.GetExtension(path).ToLowerInvariant() is ".docx" or ".pdf" or ".xlsx";

    public static void Write(ReportDocument report, string path)
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
                var docx = Path.Combine(Path.GetTempPath(), "kinerja-" + Guid.NewGuid().ToString("N") + ".docx");
                try
                {
                    WordRenderer.Write(report, docx);
                    PdfConverter.Convert(docx, path);
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
