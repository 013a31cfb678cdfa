using System.Text.RegularExpressions;
using Kinerja.Domain.Validation;

namespace Kinerja.Documents.Reports;

/// <summary>
/// Checks of a built document, as a reviewer reads it (issue 20 items 3, 4, 7): every reference to a table, chart or
/// attachment resolves; no statement is cut with "…"; a bullet does not begin mid-sentence; a figure a narrative
/// types is the figure the tables print. What refuses a final is recorded as a required checklist item (the
/// refusal names it, a draft lists it); a style flag is an optional one.
/// </summary>
public static partial class DocumentChecks
{
    [GeneratedRegex(@"\b(?<kind>Tabel|Gambar|Grafik|Diagram)\s+(?<number>(?:\d+|[A-Z])(?:\.\d+)+|\d+)\b")]
    private static partial Regex NumberedReference();

    /// <summary>"Tabel 3.3", "Gambar 2.1", "Grafik 3.1", "Diagram 1": the Word writer turns each that resolves into a REF field.</summary>
    internal static Regex NumberedReferencePattern => NumberedReference();

    [GeneratedRegex(@"\b(?<what>grafik|gambar|diagram|tabel|perhitungan)\s+(?:tersebut\s+)?di\s*atas\b", RegexOptions.IgnoreCase)]
    private static partial Regex Above();

    [GeneratedRegex(@"\b(?<what>grafik|gambar|diagram|tabel)\s+(?:di\s*bawah(?:\s+ini)?|berikut(?:\s+ini)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Below();

    [GeneratedRegex(@"\bterlampir\b", RegexOptions.IgnoreCase)]
    private static partial Regex Attached();

    /// <summary>A point that continues the sentence before it: a bullet cannot begin so.</summary>
    [GeneratedRegex(@"^\s*(?:Sedangkan|Namun(?:\s+demikian)?|Tetapi|Akan tetapi|Serta|Dan|Sehingga|Melainkan|Yang|Oleh karena itu|Oleh sebab itu|Dengan demikian)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MidSentence();

    [GeneratedRegex(@"…|(?<!\.)\.\.\.(?!\.)")]
    private static partial Regex Ellipsis();

    /// <summary>What the lampiran hold, by the words a narrative uses for them ("Perjanjian Kinerja terlampir").</summary>
    private static readonly string[] AnnexWords = ["perjanjian kinerja", "pk ", "matriks", "indikator kinerja utama", "iku", "pohon kinerja"];

    /// <summary>Records the document's findings on its checklist; <paramref name="findings"/> are the dataset checks' (for the narrative figures).</summary>
    public static void Apply(ReportDocument doc, IEnumerable<Finding> findings)
    {
        var c = new ReportComposer(doc);
        foreach (var text in References(doc))
            c.Missing(text, required: true);
        foreach (var text in CutStatements(doc))
            c.Missing(text, required: true);
        foreach (var text in MidSentenceBullets(doc))
            c.Missing(text, required: false);
        foreach (var f in findings.Where(f => f.Rule == Domain.Narratives.NarrativeFigureCheck.Rule))
            c.Missing($"Angka pada narasi {f.Code} berbeda dengan tabel: {f.Message}.", required: true);
        foreach (var f in findings.Where(f => f.Rule == Domain.Narratives.NarrativeAmountCheck.Rule))
            c.Missing($"Jumlah rupiah pada narasi {f.Code} berbeda dengan tabel anggaran: {f.Message}.", required: true);
    }

    /// <summary>Each reference in the text that points at nothing, with where it stands and what to do.</summary>
    public static IEnumerable<string> References(ReportDocument doc)
    {
        var tables = doc.Tables.Select(t => t.Number).ToHashSet(StringComparer.Ordinal);
        var figures = doc.Figures.Select(f => f.Number).ToHashSet(StringComparer.Ordinal);
        var annexes = doc.Blocks.OfType<HeadingBlock>().Any(h => h.Level == 1 && h.Text.StartsWith("LAMPIRAN", StringComparison.Ordinal));
        var blocks = doc.Blocks;
        var sectionStart = 0;
        var where = "";
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock { Level: <= 3 } heading)
            {
                sectionStart = i;
                where = heading.Text;
                continue;
            }

            foreach (var text in Texts(blocks[i]))
            {
                foreach (Match m in NumberedReference().Matches(text))
                {
                    var number = m.Groups["number"].Value;
                    var isTable = m.Groups["kind"].Value == "Tabel";
                    if (isTable ? tables.Contains(number) : figures.Contains(number))
                        continue;
                    yield return $"Rujukan \"{m.Value}\" pada bagian \"{where}\" tidak menunjuk {(isTable ? "tabel" : "gambar")} mana pun dalam laporan ini (yang ada: {Listed(isTable ? tables : figures, isTable ? "Tabel" : "Gambar")}); sebut nomor yang tercetak atau hapus rujukannya pada narasi";
                }

                foreach (Match m in Above().Matches(text))
                {
                    var figure = m.Groups["what"].Value.ToLowerInvariant() is "grafik" or "gambar" or "diagram";
                    var found = blocks.Skip(sectionStart).Take(i - sectionStart).Any(b => figure ? b is ReportFigure : b is ReportTable);
                    if (!found)
                        yield return $"Narasi pada bagian \"{where}\" menyebut \"{m.Value}\", tetapi tidak ada {(figure ? "gambar" : "tabel")} di atasnya pada bagian itu; sebut tabel atau gambar yang dimaksud dengan nomornya";
                }

                foreach (Match m in Below().Matches(text))
                {
                    var figure = m.Groups["what"].Value.ToLowerInvariant() is "grafik" or "gambar" or "diagram";
                    var end = blocks.FindIndex(i + 1, b => b is HeadingBlock { Level: <= 3 });
                    var found = blocks.Skip(i + 1).Take((end < 0 ? blocks.Count : end) - i - 1).Any(b => figure ? b is ReportFigure : b is ReportTable);
                    if (!found)
                        yield return $"Narasi pada bagian \"{where}\" menyebut \"{m.Value}\", tetapi tidak ada {(figure ? "gambar" : "tabel")} di bawahnya pada bagian itu; sebut tabel atau gambar yang dimaksud dengan nomornya";
                }

                foreach (Match m in Attached().Matches(text))
                {
                    var sentence = Sentence(text, m.Index).ToLowerInvariant();
                    if (annexes && AnnexWords.Any(sentence.Contains))
                        continue;
                    yield return $"Narasi pada bagian \"{where}\" menyebut \"terlampir\" (\"{Excerpt(text, m.Index)}\"), tetapi lampiran laporan ini hanya memuat Perjanjian Kinerja, matriks IKU dan pohon kinerja; lampirkan dokumennya di luar laporan dan sebut namanya, atau hapus kata itu";
                }
            }
        }
    }

    /// <summary>Statements cut with "…" in a table, a heading or a caption: legal text prints whole.</summary>
    public static IEnumerable<string> CutStatements(ReportDocument doc)
    {
        foreach (var block in doc.Blocks)
        {
            var texts = block switch
            {
                HeadingBlock h => [h.Text],
                ReportTable t => t.Rows.SelectMany(r => r.Cells.Select(cell => cell.Text)).Append(t.Caption),
                ReportFigure f => [f.Caption],
                BulletListBlock b => b.Items,
                _ => [],
            };
            foreach (var text in texts.Where(t => Ellipsis().IsMatch(t) && !t.Contains(ReportComposer.Dots, StringComparison.Ordinal)))
                yield return $"Pernyataan terpotong dengan \"…\": \"{text}\"; pernyataan sasaran dan indikator dicetak utuh";
        }
    }

    /// <summary>Bullets that begin mid-sentence ("Sedangkan ...", "Namun demikian, ..."): a point stands on its own.</summary>
    public static IEnumerable<string> MidSentenceBullets(ReportDocument doc) =>
        doc.Blocks.OfType<BulletListBlock>().SelectMany(b => b.Items).Where(item => MidSentence().IsMatch(item))
            .Select(item => $"Butir daftar diawali di tengah kalimat: \"{Excerpt(item, 0)}\"; gabungkan dengan butir sebelumnya atau tulis sebagai kalimat utuh");

    private static IEnumerable<string> Texts(ReportBlock block) => block switch
    {
        ParagraphBlock p when p.Kind is ParagraphKind.Narrative or ParagraphKind.Body => [p.Text],
        BulletListBlock b => b.Items,
        _ => [],
    };

    private static string Listed(HashSet<string> numbers, string kind) =>
        numbers.Count == 0 ? "tidak ada" : string.Join(", ", numbers.Take(12).Select(n => kind + " " + n)) + (numbers.Count > 12 ? ", ..." : "");

    private static string Sentence(string text, int at)
    {
        var start = text.LastIndexOf('.', Math.Max(0, at - 1)) + 1;
        var end = text.IndexOf('.', at);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        var end = Math.Min(text.Length, at + 40);
        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }
}
