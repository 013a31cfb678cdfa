using Kinerja.Documents.Workbook;

namespace Kinerja.Cli;

public static class TemplateCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var path = options.Argument(0, "OUT.xlsx");
        if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new UsageException("templat harus berakhiran .xlsx");
        using var claim = OutputGuard.Check(path, options.Flag("force"), reportsMayBeReplaced: false);
        CliApp.WriteFile(path, temporary => XlsxWorkbook.Write(new RawWorkbook { FileName = Path.GetFileName(path), IsJson = false }, temporary));
        output.WriteLine($"templat ditulis: {path}");
        return CliApp.Ok;
    }
}

public static class ConvertCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var input = options.Argument(0, "berkas masukan");
        var target = options.Argument(1, "berkas keluaran");
        using var claim = OutputGuard.Check(target, options.Flag("force"), reportsMayBeReplaced: false, input);
        var raw = DatasetImporter.ReadRaw(input);
        // refuse to write a workbook that would not import: nothing half-valid leaves this command
        DatasetImporter.Import(raw);
        if (target.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            CliApp.WriteFile(target, temporary => File.WriteAllText(temporary, JsonWorkbook.Write(raw)));
        else if (target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            CliApp.WriteFile(target, temporary => XlsxWorkbook.Write(raw, temporary));
        else
            throw new UsageException("berkas keluaran harus .xlsx atau .json");
        output.WriteLine($"ditulis: {target}");
        return CliApp.Ok;
    }
}
