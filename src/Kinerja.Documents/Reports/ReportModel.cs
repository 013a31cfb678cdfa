using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Reports;

/// <summary>
/// A report as a view model (STYLE.md "Documents are built from a view model"): every number is
/// already computed by the engine and formatted the agency's way. Renderers only lay it out.
/// </summary>
public sealed class ReportDocument
{
    public required string Title { get; init; }

    public required string Agency { get; init; }

    public required AgencyProfile Profile { get; init; }

    public List<ReportBlock> Blocks { get; } = [];

    /// <summary>A draft: DRAF on every page, and the <see cref="Checklist"/> printed on a last page.</summary>
    public bool Draft { get; init; }

    /// <summary>What is missing or wrong: a final report is refused while a required item is open; a draft lists them all at its end.</summary>
    public List<ChecklistItem> Checklist { get; } = [];

    /// <summary>
    /// The parts a Laporan Kinerja must hold (PermenPANRB 53/2014) and whether this document prints them; a final
    /// lacking a required part is refused, a draft prints the list on its checklist page. Empty for other reports.
    /// </summary>
    public List<RequiredPart> Parts { get; } = [];

    /// <summary>The body above the agency (cover, PDF metadata).</summary>
    public string? ParentBody => Profile.ParentBody;

    public IEnumerable<ReportTable> Tables => Blocks.OfType<ReportTable>();

    public IEnumerable<ReportFigure> Figures => Blocks.OfType<ReportFigure>();

    public ReportTable Table(string number) => Tables.Single(t => t.Number == number);

    /// <summary>
    /// Leaves out the sections (heading level 2 and 3) that received no content because their data is missing:
    /// a report prints no empty heading. Chapters (level 1) stay.
    /// </summary>
    public void RemoveEmptySections()
    {
        bool removed;
        do
        {
            removed = false;
            for (var i = Blocks.Count - 1; i >= 0; i--)
            {
                if (Blocks[i] is not HeadingBlock { Level: >= 2 } heading)
                    continue;
                var next = i + 1 < Blocks.Count ? Blocks[i + 1] : null;
                if (next is null || next is HeadingBlock h && h.Level <= heading.Level)
                {
                    Blocks.RemoveAt(i);
                    removed = true;
                }
            }
        }
        while (removed);

        // the sections left are lettered again (A, B, C, ...) within their chapter, so no letter is skipped
        var letter = 'A';
        for (var i = 0; i < Blocks.Count; i++)
        {
            if (Blocks[i] is HeadingBlock { Level: 1 })
                letter = 'A';
            else if (Blocks[i] is HeadingBlock { Level: 2 } h && h.Text.Length > 3 && h.Text[0] is >= 'A' and <= 'Z' && h.Text[1] == '.' && h.Text[2] == ' ')
                Blocks[i] = h with { Text = letter++ + h.Text[1..] };
        }
    }
}

public abstract record ReportBlock;

/// <summary>The title page: lines from top to bottom, the first ones large.</summary>
public sealed record CoverBlock(IReadOnlyList<string> TitleLines, IReadOnlyList<string> AgencyLines, string Year) : ReportBlock;

/// <summary>A chapter (1), section (2) or sub-section (3) heading; levels 1-3 enter the table of contents.</summary>
public sealed record HeadingBlock(int Level, string Text, bool StartsPage = false) : ReportBlock;

public enum ParagraphKind
{
    Body,

    /// <summary>Text the user wrote (a narrative field): kept as written.</summary>
    Narrative,

    /// <summary>Shown where data is missing; says what to fill in, never invents a figure.</summary>
    Placeholder,

    Centered,

    Label,

    Note,
}

public sealed record ParagraphBlock(string Text, ParagraphKind Kind = ParagraphKind.Body) : ReportBlock;

/// <summary>A list of points: bullets, or numbered 1, 2, 3 (dasar hukum, saran).</summary>
public sealed record BulletListBlock(IReadOnlyList<string> Items, bool Numbered = false) : ReportBlock;

/// <summary>Label and value pairs printed aligned on their colon ("Nama    : Ida Fauziyah").</summary>
public sealed record FieldListBlock(IReadOnlyList<(string Label, string Value)> Fields) : ReportBlock;

/// <summary>Where the generated table of contents goes.</summary>
public sealed record TableOfContentsBlock : ReportBlock;

/// <summary>The list of numbered tables or figures, generated from the document itself.</summary>
public sealed record CaptionListBlock(bool Figures) : ReportBlock;

public sealed record PageBreakBlock : ReportBlock;

/// <summary>Something a draft lists on its checklist page: a missing item (Required refuses a final report) or a check finding.</summary>
public sealed record ChecklistItem(string Text, bool Required);

/// <summary>A part of a Laporan Kinerja as PermenPANRB 53/2014 lists it; Required = a final cannot do without it; Need = what to fill.</summary>
public sealed record RequiredPart(string Name, bool Present, bool Required, string Need);

/// <summary>
/// A person who signs: position (with Plt/Plh), name, pangkat with golongan and NIP, each already as printed
/// ("Pembina Utama Muda (IV/c)", "19751108 199903 2 005"); Rank and Nip are null when the block has no such line
/// (a political office holder, or a final report without them).
/// </summary>
public sealed record Signatory(string Heading, string Position, string Name, string? Rank, string? Nip);

/// <summary>One or two signatures side by side, under a place-and-date line.</summary>
public sealed record SignatureBlock(string? PlaceAndDate, IReadOnlyList<Signatory> Parties) : ReportBlock;

public enum CellKind
{
    Text,

    /// <summary>A percentage; Number holds percentage points as displayed (98,19 for 98,19%).</summary>
    Percent,

    /// <summary>A whole amount: Rupiah, people (12.081.204.858).</summary>
    Amount,

    /// <summary>A number with decimals (an index: 78,73).</summary>
    Decimal,
}

public enum CellAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A table cell: the text every renderer shows, and for numbers the value Excel keeps.</summary>
public sealed record ReportCell(string Text, CellKind Kind = CellKind.Text, decimal? Number = null, int Decimals = 0)
{
    public static implicit operator ReportCell(string text) => new(text);

    public static ReportCell Empty { get; } = new("");
}

public enum RowKind
{
    Normal,

    /// <summary>A grouping row (a sasaran, a program): shaded, bold.</summary>
    Group,

    /// <summary>A total row.</summary>
    Total,
}

public sealed record ReportRow(IReadOnlyList<ReportCell> Cells, RowKind Kind = RowKind.Normal);

public sealed record ReportColumn(string Header, int Width, CellAlign Align = CellAlign.Left);

/// <summary>A numbered table ("Tabel 3.2"); Notes print under it (footnotes, sources).</summary>
public sealed record ReportTable(string Number, string Caption, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows) : ReportBlock
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string Label => "Tabel " + Number;

    public ReportRow RowStartingWith(string firstCells) =>
        Rows.First(r => r.Cells.Any(c => c.Text == firstCells));
}

/// <summary>A numbered chart ("Gambar 3.1"), already rendered to PNG.</summary>
public sealed record ReportFigure(string Number, string Caption, byte[] Png, int WidthPixels, int HeightPixels) : ReportBlock
{
    public string Label => "Gambar " + Number;

    /// <summary>
    /// A drawing made for a landscape page at print scale (<see cref="Diagrams.PixelsPerPoint"/>, the pohon kinerja's
    /// pages): it goes on a landscape page and is placed at that scale, never stretched or shrunk to the page width.
    /// </summary>
    public bool Landscape { get; init; }
}

/// <summary>Numbers tables and figures per chapter: Tabel 3.1, 3.2 ...; Gambar 3.1 ...</summary>
public sealed class CaptionCounter
{
    private readonly Dictionary<(string Kind, string Chapter), int> _next = [];

    public string Next(string kind, string chapter)
    {
        var key = (kind, chapter);
        var n = _next.GetValueOrDefault(key) + 1;
        _next[key] = n;
        return chapter.Length == 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : chapter + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What a report is about: the dataset, its period and the user's choices.</summary>
public sealed record ReportRequest(PerformanceDataset Data, Period? Period = null, bool Perubahan = false)
{
    /// <summary>The PK version asked for: "awal", "perubahan" (the latest), "perubahan-2"; null = <see cref="Perubahan"/> decides (latest perubahan, else awal).</summary>
    public string? Versi { get; init; }

    /// <summary>Build a draft (DRAF mark, checklist page) instead of refusing when something is missing.</summary>
    public bool Draft { get; init; }

    /// <summary>Values changed after their period closed (issue 21); the LKjIP lists them in an annex.</summary>
    public IReadOnlyList<Domain.Cycle.LateChange> LateChanges { get; init; } = [];
}
