using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Tests;

/// <summary>
/// Issue 20 item 4: a reference in the text to a table or figure ("Tabel 3.3", "Gambar 2.1") is a Word REF field to
/// the bookmark around that caption's number, so inserting a table renumbers the text as well as the captions; its
/// cached result is the number the caption prints, so LibreOffice's PDF shows it right.
/// </summary>
public sealed partial class ReferenceFieldTests
{
    [GeneratedRegex(@"^\s*REF\s+(?<bookmark>\S+)")]
    private static partial Regex RefCode();

    [GeneratedRegex(@"\b(?<kind>Tabel|Gambar|Grafik)\s+(?<number>\d+(?:\.\d+)+)\b")]
    private static partial Regex Reference();

    private sealed record Field(string Code, string Result, Paragraph Paragraph);

    /// <summary>The complex fields of a paragraph: code and cached result.</summary>
    private static List<Field> Fields(Paragraph p)
    {
        var fields = new List<Field>();
        string? code = null;
        string? result = null;
        foreach (var run in p.Descendants<Run>())
        {
            if (run.GetFirstChild<FieldChar>() is { } fc)
            {
                if (fc.FieldCharType! == FieldCharValues.Begin)
                    (code, result) = ("", null);
                else if (fc.FieldCharType! == FieldCharValues.Separate)
                    result = "";
                else if (code is not null)
                {
                    fields.Add(new Field(code, result ?? "", p));
                    (code, result) = (null, null);
                }
            }
            else if (run.GetFirstChild<FieldCode>() is { } fcode && code is not null)
                code += fcode.Text;
            else if (result is not null)
                result += string.Concat(run.Descendants<Text>().Select(t => t.Text));
        }

        return fields;
    }

    /// <summary>The visible text between a bookmark's start and end, with its paragraph.</summary>
    private static Dictionary<string, (string Text, Paragraph Paragraph)> Bookmarks(Body body)
    {
        var found = new Dictionary<string, (string, Paragraph)>(StringComparer.Ordinal);
        foreach (var p in body.Descendants<Paragraph>())
        {
            foreach (var start in p.Descendants<BookmarkStart>())
            {
                var text = "";
                for (var e = start.NextSibling(); e is not null && !(e is BookmarkEnd end && end.Id?.Value == start.Id?.Value); e = e.NextSibling())
                {
                    if (e is Run r && r.GetFirstChild<FieldCode>() is null)
                        text += string.Concat(r.Descendants<Text>().Select(t => t.Text));
                }

                found[start.Name!.Value!] = (text, p);
            }
        }

        return found;
    }

    [Theory]
    [InlineData("kemnaker-2024.json")]
    [InlineData("banjar-2025.json")]
    public void Every_reference_that_resolves_is_a_REF_field_to_the_number_of_its_caption(string sample)
    {
        var report = ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(Samples.Load(sample)) { Draft = true });
        using var ms = new MemoryStream();
        WordRenderer.Write(report, ms);
        ms.Position = 0;
        using var doc = WordprocessingDocument.Open(ms, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var bookmarks = Bookmarks(body);
        var captions = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption").ToList();

        var refs = body.Descendants<Paragraph>().SelectMany(Fields).Where(f => RefCode().IsMatch(f.Code)).ToList();
        Assert.True(refs.Count >= 5, $"{sample}: only {refs.Count} REF fields");
        foreach (var field in refs)
        {
            var name = RefCode().Match(field.Code).Groups["bookmark"].Value;
            Assert.True(bookmarks.TryGetValue(name, out var target), $"REF {name} points at no bookmark");
            // the bookmark stands in a caption and holds the number it printed; the cached result is that number
            Assert.Contains(target.Paragraph, captions);
            Assert.Equal(target.Text, field.Result);
            var caption = Docx.Visible(target.Paragraph);
            Assert.Matches(@"^(Tabel|Gambar) " + Regex.Escape(field.Result) + @"\b", caption);
            // the word before the field is the caption's kind ("Tabel" for a table; "Gambar" or "Grafik" for a figure)
            var before = Docx.Visible(field.Paragraph);
            Assert.Contains((caption.StartsWith("Tabel", StringComparison.Ordinal) ? "Tabel " : "") + field.Result, before, StringComparison.Ordinal);
        }

        // every reference a reader sees that names a printed caption is such a field (none left as plain text)
        var printed = captions.Select(c => Docx.Visible(c)).Select(c => Reference().Match(c)).Where(m => m.Success && m.Index == 0)
            .Select(m => (m.Groups["kind"].Value == "Tabel", m.Groups["number"].Value)).ToHashSet();
        // (the Daftar Tabel / Daftar Gambar entries are the list of captions, rebuilt by Word's update of the list)
        foreach (var p in body.Descendants<Paragraph>().Except(captions).Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is not ("TableofFigures" or "TOC1" or "TOC2" or "TOC3")))
        {
            var resolving = Reference().Matches(Docx.Visible(p)).Count(m => printed.Contains((m.Groups["kind"].Value == "Tabel", m.Groups["number"].Value)));
            var fields = Fields(p).Count(f => RefCode().IsMatch(f.Code));
            Assert.True(resolving <= fields, $"{sample}: \"{Docx.Visible(p)}\" has {resolving} references to captions but {fields} REF fields");
        }
    }

    [Fact]
    public void The_PDF_prints_the_referenced_numbers()
    {
        Assert.True(PdfConverter.FindSoffice() is not null, "LibreOffice (soffice) is not installed");
        var report = ReportWriter.Prepare(ReportKind.Lkjip, new ReportRequest(Samples.Load("kemnaker-2024.json")) { Draft = true });
        var sentences = report.Blocks.OfType<ParagraphBlock>().Select(b => b.Text).Where(t => Reference().IsMatch(t) && t.Length < 200).Take(3).ToList();
        Assert.NotEmpty(sentences);
        var folder = Path.Combine(Samples.Root, "TestResults", "pages", "rujukan");
        Directory.CreateDirectory(folder);
        var pdf = Path.Combine(folder, "kemnaker-lkjip.pdf");
        ReportWriter.Write(report, pdf);
        var text = Regex.Replace(Run("pdftotext", pdf, "-"), @"\s+", " ");
        // LibreOffice keeps the cached numbers (or computes the same): the sentence reads as the build wrote it
        foreach (var sentence in sentences)
            Assert.Contains(Regex.Replace(sentence, @"\s+", " ")[..Math.Min(60, sentence.Length)], text, StringComparison.Ordinal);
    }

    private static string Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
