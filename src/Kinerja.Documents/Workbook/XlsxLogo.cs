using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using S = DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Kinerja.Documents.Workbook;

/// <summary>
/// The cover logo in a .xlsx: an image the user places anywhere on the Profil sheet (Insert, Picture). It is read into
/// the profile as a data URI, the form the JSON workbook uses, so one check (type, size) serves both.
/// </summary>
internal static class XlsxLogo
{
    /// <summary>The first image on the sheet as "data:image/png;base64,..."; null when the sheet has none.</summary>
    public static RawCell? Read(WorksheetPart sheet, string fileName, string sheetName)
    {
        if (sheet.DrawingsPart?.ImageParts.FirstOrDefault() is not { } image)
            return null;
        using var stream = image.GetStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new RawCell($"data:{image.ContentType};base64,{Convert.ToBase64String(buffer.ToArray())}", new SourceLocation(fileName, sheetName, 0, "Logo (gambar di sheet)"));
    }

    /// <summary>Places the logo of a data URI on the sheet beside the keys (column D, row 2); false when the value is not one.</summary>
    public static bool Write(WorksheetPart sheet, string? dataUri)
    {
        var at = dataUri?.IndexOf(";base64,", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (dataUri is null || at < 0 || !dataUri.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
            return false;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(dataUri[(at + 8)..]);
        }
        catch (FormatException)
        {
            return false;
        }

        var drawings = sheet.AddNewPart<DrawingsPart>();
        var image = drawings.AddImagePart(bytes is [0xFF, 0xD8, ..] ? ImagePartType.Jpeg : ImagePartType.Png);
        using (var ms = new MemoryStream(bytes))
            image.FeedData(ms);
        // 3 cm wide, its height from the image's proportions
        var (width, height) = Size(bytes);
        const long cx = 3 * 360000L;
        var cy = width > 0 ? cx * height / width : cx;
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.OneCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId("3"), new Xdr.ColumnOffset("0"), new Xdr.RowId("1"), new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = cx, Cy = cy },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(new Xdr.NonVisualDrawingProperties { Id = 2U, Name = "Logo" }, new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(new A.Blip { Embed = drawings.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData()));
        sheet.Worksheet!.Append(new S.Drawing { Id = sheet.GetIdOfPart(drawings) });
        return true;
    }

    private static (int Width, int Height) Size(byte[] bytes)
    {
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(bytes));
        return codec is null ? (0, 0) : (codec.Info.Width, codec.Info.Height);
    }
}
