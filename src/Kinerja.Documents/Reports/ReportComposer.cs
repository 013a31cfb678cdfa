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

    /// <summary>Replaces the live fields of narrative text ({capaian:IK-5}) with the engine's figures; set by the report.</summary>
    public Func<string, string> Fields { get; set; } = text => text;

    public void Paragraph(string text, ParagraphKind kind = ParagraphKind.Body) =>
        Add(new ParagraphBlock(kind == ParagraphKind.Narrative ? Fields(text) : text, kind));

    /// <summary>
    /// Optional content that is not there: nothing is printed in the document (a section without data is left
    /// out); a draft lists it on its checklist page.
    /// </summary>
    public void Placeholder(string text) => Missing(text, required: false);

    /// <summary>Records a missing item on the checklist; a required one refuses a final report.</summary>
    public void Missing(string text, bool required)
    {
        if (!Document.Checklist.Any(i => i.Text == text))
            Document.Checklist.Add(new ChecklistItem(text, required));
    }

    public bool Draft => Document.Draft;

    /// <summary>Records whether a part PermenPANRB 53/2014 asks for is printed (see <see cref="ReportDocument.Parts"/>).</summary>
    public void Part(string name, bool present, string need, bool required = true) =>
        Document.Parts.Add(new RequiredPart(name, present, required, need));

    /// <summary>Whether the blocks added since <paramref name="before"/> print anything (a placeholder prints nothing).</summary>
    public bool PrintedSince(int before) => Document.Blocks.Count > before;

    public int Mark => Document.Blocks.Count;

    /// <summary>Dotted lines a draft shows where a name or date is still to be written.</summary>
    public const string Dots = "..............................";

    public ReportTable Table(string caption, IReadOnlyList<ReportColumn> columns, IReadOnlyList<ReportRow> rows, IReadOnlyList<string>? notes = null)
    {
        var table = new ReportTable(_counter.Next("Tabel", Chapter), caption, columns, rows) { Notes = notes ?? [] };
        Add(table);
        return table;
    }

    public void Figure(string caption, byte[]? png, int width, int height, bool landscape = false)
    {
        if (png is null)
            return;
        Add(new ReportFigure(_counter.Next("Gambar", Chapter), caption, png, width, height) { Landscape = landscape });
    }
}

/// <summary>Facts about a dataset that several reports share: who signs, the budget tree in print order.</summary>
public static class ReportFacts
{
    /// <summary>The unit at the top of the organisation (no parent): its head signs the report.</summary>
    public static OrgUnit? TopUnit(PerformanceDataset data) => PerjanjianKinerja.TopUnit(data);

    /// <summary>The cover's agency lines: the parent body ("PEMERINTAH KABUPATEN BANJAR") above the agency, when given.</summary>
    public static IReadOnlyList<string> CoverAgencyLines(AgencyProfile profile) =>
        profile.ParentBody is not { } parent || profile.Agency.Contains(parent, StringComparison.OrdinalIgnoreCase)
            ? [profile.Agency.ToUpperInvariant()]
            : parent.Contains(profile.Agency, StringComparison.OrdinalIgnoreCase)
                ? [parent.ToUpperInvariant()] // the agency is the parent body ("Kementerian Ketenagakerjaan" in "... Republik Indonesia")
                : [parent.ToUpperInvariant(), profile.Agency.ToUpperInvariant()];

    /// <summary>The head of the unit as a signature block; what is missing goes on the checklist (<paramref name="role"/> names it there).</summary>
    public static Signatory Signatory(ReportComposer c, OrgUnit? unit, string heading, string role, bool nipRequired = true) =>
        Signatory(c, unit?.Head, heading, role, unit?.Name is { } name ? "Kepala " + name : null, nipRequired: nipRequired);

    /// <summary>
    /// A signature block of an official: pangkat (golongan) and grouped NIP for a civil servant, neither for a
    /// political office holder. A missing name is required (dotted in a draft); a missing NIP of a civil servant is required too (dotted
    /// in a draft).
    /// </summary>
    public static Signatory Signatory(ReportComposer c, Official? official, string heading, string role, string? fallbackPosition = null, string where = "sheet Unit kolom Jabatan dan Nama Pejabat, atau sheet PK", bool nipRequired = true)
    {
        var position = official?.SigningPosition;
        if (string.IsNullOrWhiteSpace(position))
        {
            c.Missing($"Jabatan {role} belum diisi ({where}).", required: true);
            position = fallbackPosition ?? ReportComposer.Dots;
        }

        var name = official?.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            c.Missing($"Nama {role} belum diisi ({where}).", required: true);
            name = ReportComposer.Dots;
        }

        var political = official?.IsPoliticalOffice ?? false;
        var nip = official?.PrintedNip;
        if (nip is null && !political)
        {
            // an ASN signs with the NIP that identifies the office holder; only a political office has none
            c.Missing($"NIP {role} belum diisi (pejabat ASN menandatangani dengan NIP; pejabat politik seperti Bupati atau Menteri tanpa NIP).", required: nipRequired);
            nip = c.Draft ? ReportComposer.Dots : null;
        }

        return new Signatory(heading, position, name, official?.PrintedRank, nip);
    }

    /// <summary>
    /// "Martapura, 2 Januari 2025": place and date of signing. A missing one is required; a draft shows dotted lines
    /// in its place.
    /// </summary>
    public static string PlaceAndDateLine(ReportComposer c, string? place, SigningDate? date, int year, string what, string? dateWhere = null)
    {
        if (string.IsNullOrWhiteSpace(place))
            c.Missing($"Tempat penandatanganan {what} belum diisi (Profil, Tempat Penandatanganan).", required: true);
        if (date is null)
            c.Missing($"Tanggal penandatanganan {what} belum diisi ({dateWhere ?? (what.StartsWith("Perjanjian", StringComparison.Ordinal) ? "sheet PK kolom Tanggal" : "Profil, Tanggal Penandatanganan")}).", required: true);
        return (string.IsNullOrWhiteSpace(place) ? ReportComposer.Dots : place.Trim()) + ", "
            + (date?.ToString() ?? ReportComposer.Dots + " " + year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static bool IsSpendingType(BudgetLine line) => Domain.Budget.BudgetTree.IsSpendingType(line);

    /// <summary>
    /// The codes of budget lines that are the total of the whole tree (a root with lines under it that is no program:
    /// "Kementerian Ketenagakerjaan", "Jumlah Belanja"): a total is never listed as a programme, only as the Jumlah.
    /// </summary>
    public static HashSet<string> BudgetTotals(PerformanceDataset data) =>
        Domain.Budget.BudgetRollup.Of(data.Budget).Tree.Roots
            .Where(r => r.Children.Count > 0 && !IsProgrammeLevel(r.Line.Level))
            .Select(r => r.Line.Code).ToHashSet(StringComparer.Ordinal);

    private static bool IsProgrammeLevel(string? level) =>
        level is not null && (level.Equals("Program", StringComparison.OrdinalIgnoreCase) || level.Equals("Kegiatan", StringComparison.OrdinalIgnoreCase)
                              || level.Equals("SubKegiatan", StringComparison.OrdinalIgnoreCase) || level.Equals("Sub Kegiatan", StringComparison.OrdinalIgnoreCase));

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
