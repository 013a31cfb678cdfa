using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>Appends blocks to a document and numbers its tables and figures within the current chapter.</summary>
public sealed class ReportComposer(ReportDocument document)
{
    private readonly CaptionCounter _counter = new();

    public ReportDocument Document { get; } = document;

    /// <summary>"3" inside BAB III: the prefix of table and figure numbers; "" numbers them 1, 2, 3.</summary>
    public string Chapter { get; set; } = "";

    public void Add(ReportBlock block) => Document.Blocks.Add(block);

    public void Heading(int level, string text, bool startsPage = false) => Add(new HeadingBlock(level, text, startsPage));

    public void Paragraph(string text, ParagraphKind kind = ParagraphKind.Body) => Add(new ParagraphBlock(text, kind));

    public void Placeholder(string text) => Add(new ParagraphBlock(text, ParagraphKind.Placeholder));

    public ReportTable Table(string caption, IReadOnlyList<ReportColumn> columns, IReadOnlyList<ReportRow> rows, IReadOnlyList<string>? notes = null)
    {
        var table = new ReportTable(_counter.Next("Tabel", Chapter), caption, columns, rows) { Notes = notes ?? [] };
        Add(table);
        return table;
    }

    public void Figure(string caption, byte[]? png, int width, int height)
    {
        if (png is null)
            return;
        Add(new ReportFigure(_counter.Next("Gambar", Chapter), caption, png, width, height));
    }
}

/// <summary>Facts about a dataset that several reports share: who signs, which budget funds what.</summary>
public static class ReportFacts
{
    /// <summary>The unit at the top of the organisation (no parent): its head signs the report.</summary>
    public static OrgUnit? TopUnit(PerformanceDataset data) =>
        data.Units.FirstOrDefault(u => string.IsNullOrEmpty(u.ParentCode)) ?? data.Units.FirstOrDefault();

    public static Signatory Signatory(OrgUnit? unit, string heading)
    {
        var head = unit?.Head;
        if (head is null)
            return new Signatory(heading, unit?.Name ?? "(jabatan belum diisi)", "(nama pejabat belum diisi)", null, null);
        return new Signatory(heading, head.SigningPosition, string.IsNullOrWhiteSpace(head.Name) ? "(nama pejabat belum diisi)" : head.Name, head.Rank, head.Nip);
    }

    /// <summary>"Martapura, ........ 2026": the signing date is written by hand; the place comes from the profile when given.</summary>
    public static string PlaceAndDateLine(AgencyProfile profile, int year) =>
        (profile.SigningPlace ?? "......................") + ", ........................ " + year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The budget lines that fund a plan node, most specific first: a line counts when no line
    /// below it funds the same node (a ministry total funding both sasaran does not hide its programs).
    /// </summary>
    public static IReadOnlyList<BudgetLine> FundingLines(PerformanceDataset data, string goalCode)
    {
        var funding = data.Budget.Where(b => b.Funds.Contains(goalCode)).ToList();
        return funding.Where(line => !funding.Any(other => other != line && IsBelow(data, other, line))).ToList();
    }

    private static bool IsBelow(PerformanceDataset data, BudgetLine candidate, BudgetLine ancestor)
    {
        var parent = candidate.ParentCode;
        var guard = 0;
        while (!string.IsNullOrEmpty(parent) && guard++ < 64)
        {
            if (parent == ancestor.Code)
                return true;
            parent = data.Budget.FirstOrDefault(b => b.Code == parent)?.ParentCode;
        }

        return false;
    }

    public static bool IsSpendingType(BudgetLine line) => Domain.Budget.BudgetTree.IsSpendingType(line);

    /// <summary>The budget tree (program/kegiatan/sub kegiatan or K/L codes) in depth-first order with each line's depth.</summary>
    public static IReadOnlyList<(BudgetLine Line, int Depth)> BudgetTree(PerformanceDataset data) => Flatten(data, spendingTypes: false);

    /// <summary>The spending-type tree (Belanja Operasi: Pegawai, Barang dan Jasa; Belanja Modal) in depth-first order.</summary>
    public static IReadOnlyList<(BudgetLine Line, int Depth)> SpendingTypes(PerformanceDataset data) => Flatten(data, spendingTypes: true);

    // walks the domain's tree, so a report resolves parents (repeated codes, totals printed last) exactly as the validator does
    private static List<(BudgetLine Line, int Depth)> Flatten(PerformanceDataset data, bool spendingTypes)
    {
        var result = new List<(BudgetLine, int)>();
        void Walk(Domain.Budget.BudgetNode node, int depth)
        {
            result.Add((node.Line, depth));
            foreach (var child in node.Children)
                Walk(child, depth + 1);
        }

        foreach (var root in Domain.Budget.BudgetTree.Build(data.Budget).Roots.Where(r => IsSpendingType(r.Line) == spendingTypes))
            Walk(root, 0);
        return result;
    }

    public static string LevelName(PlanLevel level) => level switch
    {
        PlanLevel.Tujuan => "Tujuan",
        PlanLevel.SasaranStrategis => "Sasaran Strategis",
        PlanLevel.SasaranProgram => "Sasaran Program",
        PlanLevel.SasaranKegiatan => "Sasaran Kegiatan",
        PlanLevel.Sasaran => "Sasaran",
        PlanLevel.Program => "Program",
        PlanLevel.Kegiatan => "Kegiatan",
        _ => "Sub Kegiatan",
    };

    public static IEnumerable<string> NarrativesOf(PerformanceDataset data, string code, string kind) =>
        data.Narratives.Where(n => n.GoalCode == code && string.Equals(n.Kind, kind, StringComparison.OrdinalIgnoreCase)).Select(n => n.Text);

    public static string ActingLabel(ActingStatus status) => status switch
    {
        ActingStatus.Plt => "Plt.",
        ActingStatus.Plh => "Plh.",
        _ => "Definitif",
    };
}
