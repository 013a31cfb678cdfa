using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Documents.Rendering;
using Kinerja.Documents.Reports;

namespace Kinerja.Documents.Tests;

/// <summary>A generated .docx read back with the OpenXML SDK: tables by caption, rows by code.</summary>
public sealed class Docx
{
    private Docx(byte[] bytes, List<OpenXmlTable> tables, string allText)
    {
        Bytes = bytes;
        Tables = tables;
        AllText = allText;
    }

    public byte[] Bytes { get; }

    public List<OpenXmlTable> Tables { get; }

    public string AllText { get; }

    public static Docx Render(ReportDocument report)
    {
        using var ms = new MemoryStream();
        WordRenderer.Write(report, ms);
        return Read(ms.ToArray());
    }

    public static Docx Read(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(ms, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var tables = new List<OpenXmlTable>();
        string? caption = null;
        foreach (var element in body.Elements())
        {
            if (element is Paragraph p && Visible(p).StartsWith("Tabel ", StringComparison.Ordinal))
            {
                caption = Visible(p);
            }
            else if (element is Table t)
            {
                var rows = t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
                tables.Add(new OpenXmlTable(caption ?? "", rows));
                caption = null;
            }
        }

        var text = string.Join("\n", body.Descendants<Paragraph>().Select(Visible));
        return new Docx(bytes, tables, text);
    }

    /// <summary>The text a reader sees: the runs' text and a field's cached result, without the field code (" SEQ Tabel_3 ").</summary>
    public static string Visible(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    public OpenXmlTable Table(string label) => Tables.Single(t => t.Caption.StartsWith(label + " ", StringComparison.Ordinal));
}

public sealed record OpenXmlTable(string Caption, List<List<string>> Rows)
{
    public List<string> Header => Rows[0];

    /// <summary>The row whose first cell is the code (an indicator or sasaran code).</summary>
    public List<string> Row(string code) => Rows.Single(r => r[0] == code);

    public string Cell(string code, string column) => Row(code)[Header.IndexOf(column)];

    public IEnumerable<string> Cells => Rows.Skip(1).SelectMany(r => r);
}
