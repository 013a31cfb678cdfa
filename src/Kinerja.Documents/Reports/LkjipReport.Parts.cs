using Kinerja.Domain.Measurement;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// What makes a Laporan Kinerja complete (issue 20 item 1, PermenPANRB 53/2014): the Pernyataan Telah Direviu of the
/// APIP, an Ikhtisar Eksekutif with substance, the Sistematika Penyajian written from the chapters actually printed,
/// and the list of required parts a final is checked against.
/// </summary>
public static partial class LkjipReport
{
    /// <summary>"sasaran strategis" for a K/L, "sasaran" for a Pemda: the level whose mean is the agency figure.</summary>
    public static string GoalWord(AgencyProfile profile) => profile.Kind == AgencyKind.KL ? "sasaran strategis" : "sasaran";

    /// <summary>The agency figure named as what it is: a mean of the sasaran, never "seluruh sasaran" or a verdict.</summary>
    public static string AgencyFigureLabel(AgencyProfile profile) => "rata-rata capaian " + GoalWord(profile);

    /// <summary>
    /// The Pernyataan Telah Direviu (PermenPANRB 53/2014; seed 000 prints it after the cover): the APIP official's
    /// statement that the report was reviewed, signed with name and NIP. Without a reviewer a final is refused; a
    /// draft prints the page with dotted lines, ready for the Inspektorat.
    /// </summary>
    private static void ReviewStatement(ReportComposer c, PerformanceDataset data, Period period, string year, string reportName)
    {
        var profile = data.Profile;
        var reviewer = profile.Reviewer;
        var present = reviewer is not null && !string.IsNullOrWhiteSpace(reviewer.Name);
        c.Part("Pernyataan Telah Direviu, ditandatangani APIP", present, "isi Jabatan Pereviu, Nama Pereviu, NIP Pereviu dan Tanggal Reviu pada Profil");
        if (!present && !c.Draft)
            return;
        c.Heading(1, "PERNYATAAN TELAH DIREVIU", startsPage: true);
        c.Paragraph(profile.Agency.ToUpperInvariant(), ParagraphKind.Centered);
        c.Paragraph("TAHUN ANGGARAN " + year, ParagraphKind.Centered);
        c.Paragraph($"Kami telah mereviu {reportName} {profile.Agency} untuk Tahun Anggaran {year} sesuai Pedoman Reviu atas Laporan Kinerja. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi tanggung jawab manajemen {profile.Agency}.");
        c.Paragraph("Reviu bertujuan untuk memberikan keyakinan terbatas laporan kinerja telah disajikan secara akurat, andal, dan valid.");
        c.Paragraph("Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam meyakini keandalan informasi yang disajikan di dalam Laporan Kinerja ini.");
        var dateLine = ReportFacts.PlaceAndDateLine(c, profile.SigningPlace, profile.ReviewDate, period.Year + 1, "Pernyataan Telah Direviu", "Profil, Tanggal Reviu");
        if (profile.ReviewDate is { } reviewed && !AfterPeriod(reviewed, period))
            c.Missing($"Tanggal reviu {reviewed} jatuh sebelum tahun {year} berakhir; reviu atas laporan tahunan dilakukan setelah tahun berakhir (Profil, Tanggal Reviu).", required: true);
        c.Add(new SignatureBlock(dateLine, [ReportFacts.Signatory(c, reviewer, "", "pereviu (APIP)", "Inspektur", "Profil: Jabatan Pereviu, Nama Pereviu dan NIP Pereviu")]));
    }

    /// <summary>Whether a signing date falls after the period: an annual report is signed in the next year at the earliest.</summary>
    public static bool AfterPeriod(SigningDate date, Period period)
    {
        var (year, month) = period.IsQuarter ? (period.Year, period.Quarter * 3 + 1) : (period.Year + 1, 1);
        if (month > 12)
            (year, month) = (year + 1, 1);
        return date.Year > year || (date.Year == year && date.Month >= month);
    }

    /// <summary>
    /// The Ikhtisar Eksekutif as the real reports write it (seeds 000, 003): the agency's own text, then each sasaran
    /// with its capaian and kategori, what was not reached and why (the Penghambat texts), the steps taken (Upaya),
    /// and the budget realised. Figures come from the engine, so the summary and the tables agree.
    /// </summary>
    private static void ExecutiveSummary(ReportComposer c, PerformanceDataset data, PerformanceResult result, ReportFormat f, string year)
    {
        var profile = data.Profile;
        c.Heading(1, "RINGKASAN EKSEKUTIF", startsPage: true);
        AgencyParagraphs(c, data, "IkhtisarEksekutif");
        var goals = result.Goals.Where(g => g.Goal.Level != PlanLevel.Tujuan).ToList();
        if (goals.Count == 0)
            goals = result.Goals.ToList();
        var word = GoalWord(profile);
        c.Paragraph($"Perjanjian Kinerja Tahun {year} {profile.Agency} memuat {ReportFormat.Number(goals.Count)} {word} dengan {ReportFormat.Number(result.Indicators.Count)} indikator kinerja. Capaian setiap {word} pada tahun {year}:");
        c.Add(new BulletListBlock(goals.Select(g =>
            $"{g.Goal.Name}: capaian {f.PercentText(g.Capaian)}{(g.Predicate is { } p ? $", kategori {p}" : "")} ({ReachedOf(g)})").ToList()));
        if (result.AgencyCapaian is { } agency)
            c.Paragraph($"{Capitalise(AgencyFigureLabel(profile))} tahun {year} adalah {f.PercentText(agency)}; {ReachedSentence(result)}.");

        var below = result.Indicators.Where(r => r.Capaian is { HasValue: true } cap && cap.Value < 100m).ToList();
        if (below.Count > 0)
        {
            c.Paragraph("Indikator yang belum mencapai target:", ParagraphKind.Label);
            c.Add(new BulletListBlock(below.Select(r =>
                $"{r.Indicator.Name}: target {f.Value(r.Target, r.Indicator.Satuan).Text}, realisasi {f.Realisasi(r.Realisasi, r.Indicator.Satuan).Text}, capaian {f.CapaianText(r.Capaian)}").ToList()));
            var codes = below.SelectMany(r => new[] { r.Indicator.Code, r.Indicator.GoalCode }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var causes = codes.SelectMany(code => ReportFacts.NarrativesOf(data, code, "Penghambat")).Distinct(StringComparer.Ordinal).ToList();
            if (causes.Count > 0)
            {
                c.Paragraph("Penyebab belum tercapainya target:", ParagraphKind.Label);
                c.Add(new BulletListBlock(causes.Select(c.Fields).ToList()));
            }
            else
            {
                c.Missing("Ringkasan eksekutif belum menjelaskan penyebab target yang belum tercapai (Narasi jenis Penghambat pada indikator atau sasaran itu).", required: false);
            }

            var steps = codes.SelectMany(code => ReportFacts.NarrativesOf(data, code, "Upaya")).Distinct(StringComparer.Ordinal).ToList();
            if (steps.Count > 0)
            {
                c.Paragraph("Langkah yang telah dan akan ditempuh:", ParagraphKind.Label);
                c.Add(new BulletListBlock(steps.Select(c.Fields).ToList()));
            }
            else
            {
                c.Missing("Ringkasan eksekutif belum memuat langkah perbaikan untuk target yang belum tercapai (Narasi jenis Upaya).", required: false);
            }
        }

        var notMeasured = result.Indicators.Where(r => !r.Capaian.HasValue).ToList();
        if (notMeasured.Count > 0)
            c.Paragraph("Indikator yang belum dapat diukur: " + string.Join("; ", notMeasured.Select(r => $"{r.Indicator.Name} ({r.Capaian.Reason})")) + ".");
        if (BudgetTotal(data) is { } t)
            c.Paragraph($"Anggaran tahun {year} sebesar {f.RupiahText(t.Amounts.Pagu)} terealisasi {f.RupiahText(t.Amounts.Realisasi)} atau {f.PercentText(t.OfPagu)}.");
        else
            c.Placeholder("Data realisasi anggaran belum diisi pada workbook (sheet Anggaran).");
    }

    private static string ReachedOf(GoalResult goal)
    {
        var measured = goal.Indicators.Where(r => r.Capaian.HasValue).ToList();
        var reached = measured.Count(r => r.Capaian.Value >= 100m);
        return measured.Count == 1
            ? (reached == 1 ? "indikatornya mencapai target" : "indikatornya belum mencapai target")
            : $"{ReportFormat.Number(reached)} dari {ReportFormat.Number(measured.Count)} indikator mencapai target";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// The Sistematika Penyajian written from the document as built: each chapter with the sections it prints, and the
    /// lampiran it holds, so it never promises a part the report left out.
    /// </summary>
    public static BulletListBlock Sistematika(ReportDocument doc)
    {
        var items = new List<string>();
        string? chapter = null;
        var sections = new List<string>();
        var annexes = new List<string>();
        void Flush()
        {
            if (chapter is not null)
                items.Add(sections.Count == 0 ? chapter + "." : $"{chapter}: {string.Join("; ", sections)}.");
            chapter = null;
            sections.Clear();
        }

        foreach (var block in doc.Blocks)
        {
            if (block is not HeadingBlock heading)
                continue;
            if (heading.Level == 1)
            {
                Flush();
                if (heading.Text.StartsWith("BAB ", StringComparison.Ordinal))
                    chapter = ChapterTitle(heading.Text);
                else if (heading.Text.StartsWith("LAMPIRAN", StringComparison.Ordinal))
                    annexes.Add(TitleCase(heading.Text.Replace("LAMPIRAN:", "", StringComparison.Ordinal).Trim()));
                else if (heading.Text is "RINGKASAN EKSEKUTIF" or "IKHTISAR EKSEKUTIF")
                    items.Add(TitleCase(heading.Text) + ": capaian sasaran, target yang belum tercapai beserta penyebab dan upayanya, serta realisasi anggaran.");
            }
            else if (heading.Level == 2 && chapter is not null)
            {
                var text = heading.Text;
                sections.Add(text.Length > 3 && text[1] == '.' && text[2] == ' ' ? text[3..] : text);
            }
        }

        Flush();
        if (annexes.Count > 0)
            items.Add("Lampiran: " + string.Join("; ", annexes) + ".");
        return new BulletListBlock(items);
    }

    // "BAB III AKUNTABILITAS KINERJA" -> "Bab III Akuntabilitas Kinerja"
    private static string ChapterTitle(string text)
    {
        var parts = text.Split(' ', 3);
        return parts.Length < 3 ? TitleCase(text) : $"Bab {parts[1]} {TitleCase(parts[2])}";
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase) { "dan", "dengan", "per", "dari", "di", "ke", "yang", "atas", "terhadap" };

    private static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) =>
            i > 0 && SmallWords.Contains(w) ? w.ToLowerInvariant()
            : w.Length <= 1 || w.Any(char.IsDigit) ? w
            : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    /// <summary>Records each required part that is missing on the checklist: a final is refused with the list.</summary>
    private static void RequireParts(ReportComposer c)
    {
        foreach (var part in c.Document.Parts.Where(p => p.Required && !p.Present))
            c.Missing($"Bagian wajib Laporan Kinerja (PermenPANRB 53/2014) belum ada: {part.Name}; {part.Need}.", required: true);
    }
}
