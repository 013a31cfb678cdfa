using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;
using Kinerja.Domain.Model;
using Kinerja.Domain.Values;

namespace Kinerja.Documents.Tests;

/// <summary>Table rows are written as XML text for speed; read back, they must hold what the report said, cell by cell.</summary>
public sealed class WordTableTests
{
    private static readonly ReportColumn[] Columns = [new("Kode", 1), new("Uraian", 4), new("Capaian", 2, CellAlign.Right)];

    private static ReportDocument Report(params ReportRow[] rows)
    {
        var report = new ReportDocument
        {
            Title = "Uji",
            Agency = "Dinas Uji",
            Profile = new AgencyProfile { Agency = "Dinas Uji", Year = 2025, ReportPeriod = Period.Parse("2025").Value! },
        };
        report.Blocks.Add(new ReportTable("1.1", "Uji tabel", Columns, rows));
        return report;
    }

    private static List<TableRow> Rows(ReportDocument report)
    {
        using var ms = new MemoryStream();
        WordRenderer.Write(report, ms);
        ms.Position = 0;
        using var doc = WordprocessingDocument.Open(ms, false);
        return [.. doc.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>()];
    }

    [Fact]
    public void Text_with_markup_characters_and_line_breaks_is_read_back_as_written()
    {
        var rows = Rows(Report(
            new ReportRow(["IK-1", "Persentase A & B <wajib> > 0", "98,5%"]),
            new ReportRow(["IK-2", "baris satu\nbaris dua", "Rp 1.000"]),
            new ReportRow(["IK-3", "Indeks \"kepuasan\" 'masyarakat' \u00e9", "12 %"]),
            new ReportRow(["IK-4", "terakhir", "1"])));
        Assert.Equal(5, rows.Count); // header and four rows
        string[][] expected =
        [
            ["IK-1", "Persentase A & B <wajib> > 0", "98,5%"],
            ["IK-2", "baris satu\nbaris dua", "Rp\u00a01.000"],
            ["IK-3", "Indeks \"kepuasan\" 'masyarakat' \u00e9", "12\u00a0%"],
            ["IK-4", "terakhir", "1"],
        ];
        for (var r = 0; r < expected.Length; r++)
            Assert.Equal(expected[r], rows[r + 1].Elements<TableCell>().Select(c => c.Descendants<Text>().Single().Text).ToArray());
    }

    [Fact]
    public void Group_and_total_rows_keep_their_shading_bold_and_alignment()
    {
        var rows = Rows(Report(
            new ReportRow(["S1", "Sasaran", ""], RowKind.Group),
            new ReportRow(["IK-1", "Indikator", "teks"]),
            new ReportRow(["", "Jumlah", "100%"], RowKind.Total),
            new ReportRow(["", "akhir", ""])));
        TableCell Cell(int row, int column) => rows[row].Elements<TableCell>().ElementAt(column);
        Assert.Equal("F2F2F2", Cell(1, 0).TableCellProperties!.Shading!.Fill!.Value);
        Assert.NotNull(Cell(1, 1).Descendants<Bold>().SingleOrDefault());
        Assert.Null(Cell(2, 1).TableCellProperties!.Shading);
        Assert.Null(Cell(2, 1).Descendants<Bold>().SingleOrDefault());
        Assert.Equal("E2EFDA", Cell(3, 2).TableCellProperties!.Shading!.Fill!.Value);
        // a right-aligned column shows text cells right-aligned too, numbers as the column says
        Assert.Equal(JustificationValues.Right, Cell(2, 2).Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Left, Cell(2, 1).Descendants<Justification>().Single().Val!.Value);
        Assert.True(rows.Skip(1).All(r => r.TableRowProperties!.GetFirstChild<CantSplit>() is not null));
        Assert.True(rows.Skip(1).All(r => r.Elements<TableCell>().All(c => c.TableCellProperties!.TableCellWidth!.Width!.Value is { Length: > 0 } w && int.Parse(w, System.Globalization.CultureInfo.InvariantCulture) > 0)));
    }
}
