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

/// <summary>Facts about a dataset that several reports share: who signs, the budget tree in print order.</summary>
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

    public static bool IsSpendingType(BudgetLine line) => Domain.Budget.BudgetTree.IsSpendingType(line);

    /// <summary>The budget tree (program/kegiatan/sub kegiatan or K/L codes) in depth-first order with each line's depth.</summary>
    public static IReadOnlyList<(BudgetLine Line, int Depth)> BudgetTree(PerformanceDataset data) => Flatten(data, spendingTypes: false);

    /// <summary>The spending-type tree (Belanja Operasi: Pegawai, Barang dan Jasa; Belanja Modal) in depth-first order.</summary>
    public static IReadOnlyList<(BudgetLine Line, int Depth)> SpendingTypes(PerformanceDataset data) => Flatten(data, spendingTypes: true);

    // walks the domain's tree, so a report resolves parents (repeated codes, totals printed last) exactly as the validator does
    private static List<(BudgetLine Line, int Depth)> Flatten(PerformanceDataset data, bool spendingTypes)
    {
        var result = new List<(BudgetLine, int)>();
        // an explicit stack: a budget tree may be thousands of levels deep
        var stack = new Stack<(Domain.Budget.BudgetNode Node, int Depth)>();
        foreach (var root in Domain.Budget.BudgetRollup.Of(data.Budget).Tree.Roots.Where(r => IsSpendingType(r.Line) == spendingTypes))
        {
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                result.Add((node.Line, depth));
                for (var i = node.Children.Count - 1; i >= 0; i--)
                    stack.Push((node.Children[i], depth + 1));
            }
        }

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
