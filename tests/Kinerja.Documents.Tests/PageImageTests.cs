using System.Diagnostics;
using System.Text.RegularExpressions;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Tests;

/// <summary>
/// Issue 13 "Checked by": every sample's documents (the final where the data allow it, else the draft) go through
/// LibreOffice to PDF and their first pages to images under TestResults/pages/&lt;sample&gt;/&lt;doc&gt;-N.png, kept for
/// people to look at; the text of each final PDF holds no sheet or column name, no "belum diisi", no identifier.
/// </summary>
public sealed partial class PageImageTests
{
    /// <summary>A PascalCase word with an inner capital or a trailing number (Permendagri86, DuaStatus, HigherIsBetter).</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b|\b[A-Z][a-z]{2,}\d+\b")]
    public static partial Regex Identifier();

    public static TheoryData<string, ReportKind> Documents() => new()
    {
        { "banjar-2025.json", ReportKind.Lkjip },
        { "banjar-2025.json", ReportKind.Pk },
        { "kemnaker-2024.json", ReportKind.Lkjip },
        { "kemnaker-2024.json", ReportKind.Pk },
        { "pasar-kerja-2021.json", ReportKind.Lkjip },
        { "pasar-kerja-2021.json", ReportKind.Pk },
        { "kemenko-tw1-2026.json", ReportKind.Triwulan },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_sample_document_is_rendered_to_page_images_and_a_final_holds_no_workbook_words(string sample, ReportKind kind)
    {
        Assert.True(PdfConverter.FindSoffice() is not null, "LibreOffice (soffice) is not installed; scripts/install-deps.sh installs libreoffice-writer-nogui");
        var data = Samples.Load(sample);
        ReportDocument report;
        var final = true;
        try
        {
            report = ReportWriter.Prepare(kind, new ReportRequest(data));
        }
        catch (ReportRefusedException)
        {
            final = false;
            report = ReportWriter.Prepare(kind, new ReportRequest(data) { Draft = true });
        }

        var folder = Path.Combine(Samples.Root, "TestResults", "pages", Path.GetFileNameWithoutExtension(sample));
        Directory.CreateDirectory(folder);
        var name = kind.ToString().ToLowerInvariant() + (final ? "" : "-draf");
        foreach (var old in Directory.GetFiles(folder, name + "-*.png"))
            File.Delete(old);
        var pdf = Path.Combine(folder, name + ".pdf");
        ReportWriter.Write(report, pdf);
        // a few pages at low resolution: enough to look at, quick to make
        Run("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "4", pdf, Path.Combine(folder, name));
        var images = Directory.GetFiles(folder, name + "-*.png");
        Assert.NotEmpty(images);
        Assert.Contains(images, i => new FileInfo(i).Length > 2000);

        if (!final)
            return;
        var text = Run("pdftotext", pdf, "-");
        foreach (var banned in new[] { "sheet ", "kolom ", "belum diisi" })
            Assert.DoesNotContain(banned, text, StringComparison.OrdinalIgnoreCase);
        var identifiers = Identifier().Matches(text).Select(m => m.Value).Where(w => !Words.Contains(w)).Distinct().ToList();
        Assert.True(identifiers.Count == 0, $"{sample} {kind}: {string.Join(", ", identifiers)}");
    }

    /// <summary>Words of the samples' own texts that look like identifiers but are what the report printed.</summary>
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal);

    [Fact]
    public void The_identifier_pattern_finds_enum_names_and_leaves_words_alone()
    {
        Assert.Equal(["Permendagri86", "DuaStatus", "HigherIsBetter"], Identifier().Matches("skala Permendagri86 atau DuaStatus; HigherIsBetter").Select(m => m.Value));
        Assert.Empty(Identifier().Matches("Permendagri Nomor 86 Tahun 2017, LKjIP, SAKIP, IKU-1.1, Kabupaten Banjar 2025, Rp5.500.436.965.043"));
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), file + " did not finish");
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
