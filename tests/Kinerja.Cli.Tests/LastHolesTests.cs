using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Documents.Workbook;

namespace Kinerja.Cli.Tests;

/// <summary>
/// Issue 19 item 13, the command line's last holes: each case from a real file (an .xlsx edited with the OpenXML SDK,
/// a JSON written byte by byte) or a real process (the built kinerja.dll with its stdout closed, full or a broken pipe,
/// interrupted with SIGINT during a PDF), each proven both ways where a fix makes it pass.
/// </summary>
public sealed class LastHolesTests : WithTempFolder
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string DemoJson(Action<JsonObject> change, string name = "demo.json")
    {
        var root = JsonNode.Parse(File.ReadAllText(Samples.Path("clean-demo.json")))!.AsObject();
        change(root);
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private string DemoXlsx(string name = "demo.xlsx")
    {
        var raw = JsonWorkbook.Read(File.ReadAllText(Samples.Path("clean-demo.json")), name);
        var path = Path.Combine(Folder, name);
        XlsxWorkbook.Write(raw, path);
        return path;
    }

    private static JsonObject Row(JsonObject root, string sheet, int index) => root[sheet]!.AsArray()[index]!.AsObject();

    private static WorksheetPart Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!);
    }

    // ---- sheets whose names differ only in case

    [Fact]
    public async Task Two_sheets_whose_names_differ_only_in_case_are_refused_at_the_second_one()
    {
        var xlsx = DemoXlsx();
        var (exit, _, err) = await CliHarness.Run("compute", xlsx);
        Assert.True(exit == 0, err);
        using (var document = SpreadsheetDocument.Open(xlsx, true))
        {
            // a copy of sheet Realisasi named REALISASI, as a script or another spreadsheet program can write it
            var workbook = document.WorkbookPart!;
            var copy = workbook.AddNewPart<WorksheetPart>();
            copy.Worksheet = (Worksheet)Sheet(document, "Realisasi").Worksheet!.CloneNode(true);
            var sheets = workbook.Workbook!.Sheets!;
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(copy), SheetId = (uint)sheets.Count() + 1, Name = "REALISASI" });
            workbook.Workbook.Save();
        }

        (exit, _, err) = await CliHarness.Run("compute", xlsx);
        Assert.Equal(2, exit);
        Assert.StartsWith("kesalahan: demo.xlsx, sheet REALISASI, (sheet): sheet \"REALISASI\" dan sheet \"Realisasi\" hanya berbeda huruf besar/kecil", Assert.Single(Lines(err)), StringComparison.Ordinal);
    }

    // ---- an option the report kind does not use

    [Theory]
    [InlineData("lkjip", "--versi", "awal", "--versi \"awal\" tidak dipakai oleh report lkjip: versi Perjanjian Kinerja hanya dipilih untuk report pk")]
    [InlineData("triwulan", "--versi", "perubahan", "--versi \"perubahan\" tidak dipakai oleh report triwulan")]
    [InlineData("lkjip", "--periode", "2025-TW1", "--period 2025-TW1 tidak dipakai oleh report lkjip: LKjIP adalah laporan tahunan")]
    [InlineData("pk", "--period", "2025-TW2", "--period 2025-TW2 tidak dipakai oleh report pk: Perjanjian Kinerja berlaku setahun")]
    [InlineData("lkjip", "--pdf-timeout", "60", "--pdf-timeout hanya berlaku untuk --out berkas .pdf")]
    public async Task An_option_the_report_kind_does_not_use_is_refused_with_the_reason_and_nothing_is_written(string kind, string option, string value, string message)
    {
        var output = Path.Combine(Folder, "laporan.docx");
        var (exit, _, err) = await CliHarness.Run("report", kind, Samples.Path("clean-demo.json"), "--out", output, option, value, "--draft");
        Assert.Equal(2, exit);
        Assert.StartsWith("kesalahan: " + message, Assert.Single(Lines(err)), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        // the same report without the option is written
        (exit, _, err) = await CliHarness.Run("report", kind == "triwulan" ? "lkjip" : kind, Samples.Path("clean-demo.json"), "--out", output, "--draft");
        Assert.True(exit == 0, err);
        Assert.True(File.Exists(output));
    }

    // ---- two runs writing the same output

    [Fact]
    public async Task A_run_is_refused_while_another_holds_the_same_output_and_succeeds_once_it_is_released()
    {
        var output = Path.Combine(Folder, "templat.xlsx");
        // what a second kinerja holds while it checks and writes the same file
        using (new FileStream(OutputGuard.LockPath(output), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (exit, _, err) = await CliHarness.Run("template", output);
            Assert.Equal(2, exit);
            Assert.Equal($"kesalahan: {output} sedang ditulis oleh proses kinerja lain (kunci .templat.xlsx.kinerja-lock); tunggu sampai proses itu selesai, lalu ulangi", Assert.Single(Lines(err)));
            Assert.False(File.Exists(output));
        }

        var (again, _, error) = await CliHarness.Run("template", output);
        Assert.True(again == 0, error);
        Assert.True(File.Exists(output));
        // the lock goes with the run: nothing is left beside the file
        Assert.Equal(["templat.xlsx"], Directory.GetFiles(Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Two_simultaneous_reports_to_one_file_never_both_report_success_while_they_overlap()
    {
        var output = Path.Combine(Folder, "lkjip.docx");
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CliHarness.Run("report", "lkjip", Samples.Path("banjar-2025.json"), "--out", output, "--draft"))));
        // each run either wrote the file or was refused naming the other writer; a refusal is never silent
        Assert.All(runs, r => Assert.True(r.Exit == 0 || r.Err.Contains("sedang ditulis oleh proses kinerja lain", StringComparison.Ordinal), r.Err));
        Assert.Contains(runs, r => r.Exit == 0);
        Assert.Equal(["lkjip.docx"], Directory.GetFiles(Folder).Select(Path.GetFileName));
    }

    // ---- one bad row, not 16.000 lines

    [Fact]
    public async Task Thousands_of_errors_from_one_mistake_are_shown_as_a_few_located_lines_and_a_count()
    {
        var json = DemoJson(r =>
        {
            var realisasi = r["realisasi"]!.AsArray();
            // one indicator code mistyped in an export: every one of its 2.000 rows names an indicator that does not exist
            for (var i = 0; i < 2000; i++)
                realisasi.Add(new JsonObject { ["indicator"] = "IKU-9", ["period"] = "2025", ["value"] = "1", ["status"] = "Final" });
        });
        var (exit, _, err) = await CliHarness.Run("compute", json);
        Assert.Equal(2, exit);
        var lines = Lines(err);
        Assert.True(lines.Length <= 6, err);
        Assert.StartsWith("kesalahan: demo.json, realisasi[2].indicator: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("kesalahan: demo.json, realisasi[3].indicator: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("kesalahan: demo.json, realisasi[4].indicator: ", lines[2], StringComparison.Ordinal);
        Assert.Equal("kesalahan: demo.json, realisasi.indicator: dan 1997 kesalahan lain di sini, realisasi[5] sampai realisasi[2001]", lines[3]);
        Assert.Equal("kesalahan: dan 1997 kesalahan lain (seluruhnya 2000 kesalahan); perbaiki yang disebut di atas lalu ulangi", lines[4]);
    }

    [Fact]
    public void The_digest_shows_at_most_three_errors_of_one_row_and_counts_the_rest()
    {
        var errors = Enumerable.Range(0, 8).Select(i => new ImportError(new SourceLocation("a.xlsx", "Target", 7, "K" + i, $"{(char)('A' + i)}7"), "salah")).ToList();
        var lines = ImportErrorDigest.Lines(errors);
        Assert.Equal(3 + 5 + 1, lines.Count);
        Assert.Equal("a.xlsx, sheet Target, baris 7, kolom K0 (A7): salah", lines[0]);
        Assert.Equal("a.xlsx, sheet Target, baris 7, kolom K2 (C7): salah", lines[2]);
        Assert.Equal("a.xlsx, sheet Target, K3: dan 1 kesalahan lain di sini, baris 7", lines[3]);
        Assert.Equal("dan 5 kesalahan lain (seluruhnya 8 kesalahan); perbaiki yang disebut di atas lalu ulangi", lines[^1]);
        // a short list is shown whole
        Assert.Equal(2, ImportErrorDigest.Lines(errors.Take(2).ToList()).Count);
    }

    // ---- a value under a merged cell

    [Fact]
    public async Task A_value_hidden_under_a_merged_cell_is_refused_at_its_cell_and_an_empty_merge_is_harmless()
    {
        var xlsx = DemoXlsx();
        using (var document = SpreadsheetDocument.Open(xlsx, true))
        {
            // Realisasi row 3 is IKU-2 2025 = 950 in C3; merging B3:C3 shows only the period and hides the value
            var part = Sheet(document, "Realisasi");
            part.Worksheet!.InsertAfter(new MergeCells(new MergeCell { Reference = "B3:C3" }), part.Worksheet.GetFirstChild<SheetData>());
            part.Worksheet.Save();
        }

        var (exit, _, err) = await CliHarness.Run("compute", xlsx);
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: demo.xlsx, sheet Realisasi, baris 3, kolom Nilai (C3): nilai Nilai tersembunyi di bawah sel gabungan B3:C3 (hanya sel kiri atas B3 yang tampak di Excel); batalkan gabungan sel (Unmerge), periksa nilai itu, lalu simpan ulang", Assert.Single(Lines(err)));

        var clean = DemoXlsx("kosong.xlsx");
        using (var document = SpreadsheetDocument.Open(clean, true))
        {
            // a merge over cells that hold nothing hides nothing
            var part = Sheet(document, "Realisasi");
            part.Worksheet!.InsertAfter(new MergeCells(new MergeCell { Reference = "M2:N3" }), part.Worksheet.GetFirstChild<SheetData>());
            part.Worksheet.Save();
        }

        (exit, _, err) = await CliHarness.Run("compute", clean);
        Assert.True(exit == 0, err);
    }

    [Fact]
    public async Task A_merged_cell_over_several_data_rows_is_refused_because_its_value_belongs_to_the_first_row_only()
    {
        var xlsx = DemoXlsx();
        using (var document = SpreadsheetDocument.Open(xlsx, true))
        {
            var part = Sheet(document, "Target");
            part.Worksheet!.InsertAfter(new MergeCells(new MergeCell { Reference = "B2:B3" }), part.Worksheet.GetFirstChild<SheetData>());
            part.Worksheet.Save();
        }

        var (exit, _, err) = await CliHarness.Run("check", xlsx);
        Assert.Equal(2, exit);
        Assert.StartsWith("kesalahan: demo.xlsx, sheet Target, baris 2, kolom Periode (B2): sel gabungan B2:B3 melintasi baris 2 sampai 3", Lines(err)[0], StringComparison.Ordinal);
    }

    // ---- a JSON file that is not UTF-8

    [Fact]
    public async Task A_json_file_in_windows_1252_is_refused_naming_the_byte_and_line_and_the_same_text_in_utf8_is_read()
    {
        var text = File.ReadAllText(Samples.Path("clean-demo.json")).Replace("Dinas Contoh Kabupaten Demo", "Dinas Contoh – Kabupaten Démo", StringComparison.Ordinal);
        var ansi = Path.Combine(Folder, "ansi.json");
        // "–" is 0x96 and "é" 0xE9 in Windows-1252; Latin-1 for the é alone shows the same fault
        File.WriteAllBytes(ansi, Encoding.Latin1.GetBytes(text.Replace("–", "-", StringComparison.Ordinal)));
        var (exit, _, err) = await CliHarness.Run("compute", ansi);
        Assert.Equal(2, exit);
        var offset = Encoding.UTF8.GetByteCount(text[..text.IndexOf('é', StringComparison.Ordinal)].Replace("–", "-", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"kesalahan: ansi.json, baris 3: berkas JSON bukan teks UTF-8 pada byte ke-{offset} (0xE9)", Assert.Single(Lines(err)), StringComparison.Ordinal);

        var utf8 = Path.Combine(Folder, "utf8.json");
        File.WriteAllText(utf8, text, new UTF8Encoding(false));
        string output;
        (exit, output, err) = await CliHarness.Run("compute", utf8);
        Assert.True(exit == 0, err);
        Assert.StartsWith("Dinas Contoh – Kabupaten Démo", output, StringComparison.Ordinal);
    }

    // ---- figures beyond any plausible size, and a percentage written as a fraction

    [Theory]
    [InlineData("realisasi", 1, "20.000.000.000", "realisasi 20.000.000.000 Orang untuk IKU-2 melebihi batas wajar 10.000.000.000 untuk satuan jumlah orang")]
    [InlineData("realisasi", 0, "12000%", "realisasi 12000% Persen untuk IKU-1 melebihi batas wajar 10.000 untuk satuan persen")]
    [InlineData("targets", 2, "11.000.000.000", "target 11.000.000.000 Orang untuk IKU-2 melebihi batas wajar 10.000.000.000 untuk satuan jumlah orang")]
    public async Task A_figure_beyond_the_bound_of_its_unit_is_refused_at_its_cell(string sheet, int index, string value, string message)
    {
        var json = DemoJson(r =>
        {
            Row(r, sheet, index)["value"] = value;
            Row(r, "realisasi", index % 2).Remove("printedCapaian");
        });
        var (exit, _, err) = await CliHarness.Run("compute", json);
        Assert.Equal(2, exit);
        Assert.StartsWith($"kesalahan: demo.json, {sheet}[{index}].value: {message}", Assert.Single(Lines(err)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_plausible_figures_are_read_and_computed()
    {
        var json = DemoJson(r =>
        {
            Row(r, "realisasi", 1)["value"] = "10.000.000.000";
            Row(r, "realisasi", 1).Remove("printedCapaian");
        });
        var (exit, output, err) = await CliHarness.Run("compute", json, "--format", "csv");
        Assert.True(exit == 0, err);
        // 10.000.000.000 / 1.000 x 100
        Assert.Contains(";1000000000;", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KindOf", "Persen", "10000")]
    [InlineData("KindOf", "Juta Rupiah", "10000000000")]
    [InlineData("KindOf", "Rupiah", "10000000000000000")]
    [InlineData("KindOf", "Orang", "10000000000")]
    [InlineData("KindOf", "Indeks", "1000000")]
    [InlineData("KindOf", "Dokumen", "1000000000000")]
    public void Each_unit_kind_has_the_bound_the_format_document_states(string _, string satuan, string bound)
    {
        Assert.Equal(decimal.Parse(bound, System.Globalization.CultureInfo.InvariantCulture), DatasetImporter.PlausibleBound(satuan));
        var doc = File.ReadAllText(Path.Combine(Samples.Root, "docs", "workbook-format.md"));
        Assert.Contains(Kinerja.Domain.Values.IndonesianNumber.FormatWhole(DatasetImporter.PlausibleBound(satuan)), doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_percentage_written_as_a_fraction_among_figures_of_60_to_70_is_refused_and_read_when_written_with_a_percent_sign()
    {
        // IKU-1 (Persen) has targets 60% and 70%: 0.63 is 63% exported as a fraction, whose capaian would be 1,05%
        var json = DemoJson(r =>
        {
            Row(r, "realisasi", 0)["value"] = 0.63m;
            Row(r, "realisasi", 0).Remove("printedCapaian");
        });
        var (exit, _, err) = await CliHarness.Run("compute", json);
        Assert.Equal(2, exit);
        Assert.Equal("kesalahan: demo.json, realisasi[0].value: realisasi 0,63 untuk IKU-1 (satuan Persen) tampak ditulis sebagai pecahan: angka lain indikator ini 60 sampai 70; tulis 63% bila maksudnya 63 persen, atau 0,63% bila memang kurang dari satu persen", Assert.Single(Lines(err)));

        var meant = DemoJson(r =>
        {
            Row(r, "realisasi", 0)["value"] = "0,63%";
            Row(r, "realisasi", 0).Remove("printedCapaian");
        }, "meant.json");
        string output;
        (exit, output, err) = await CliHarness.Run("compute", meant, "--format", "csv");
        Assert.True(exit == 0, err);
        // 0,63 / 60 x 100 = 1,05
        Assert.Contains(";1,05%;1.05;", output, StringComparison.Ordinal);
    }

    // ---- the README

    [Fact]
    public void The_readme_report_line_shows_the_draft_switch()
    {
        var readme = File.ReadAllLines(Path.Combine(Samples.Root, "README.md"));
        var line = Assert.Single(readme, l => l.StartsWith("kinerja report ", StringComparison.Ordinal));
        Assert.Contains("[--draft]", line, StringComparison.Ordinal);
    }

    // ---- the real process: stdout that cannot be written, Ctrl-C during a PDF

    private static string KinerjaDll => Path.Combine(AppContext.BaseDirectory, "kinerja.dll");

    private static (int Exit, string Err) Shell(string script, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "kinerja did not end");
        return (process.ExitCode, err.Result);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [Theory]
    [InlineData("> /dev/full", "kesalahan: keluaran standar (stdout) tidak dapat ditulis: disk penuh (ruang kosong tidak cukup)")]
    [InlineData(">&-", "kesalahan: keluaran standar (stdout) tidak dapat ditulis: tertutup atau tidak dibuka untuk ditulis (mis. >&-)")]
    [InlineData("| (exec 0<&-; sleep 2); exit ${PIPESTATUS[0]}", "kesalahan: keluaran standar (stdout) tidak dapat ditulis: program penerima sudah berhenti membaca (pipa ditutup, mis. oleh head)")]
    public void Stdout_that_cannot_be_written_ends_with_exit_2_and_one_Indonesian_line(string redirect, string message)
    {
        var (exit, err) = Shell($"dotnet {Quote(KinerjaDll)} compute {Quote(Samples.Path("banjar-2025.json"))} {redirect}");
        Assert.Equal(2, exit);
        Assert.StartsWith(message, Assert.Single(Lines(err)), StringComparison.Ordinal);
        // the same command with a working stdout succeeds
        (exit, err) = Shell($"dotnet {Quote(KinerjaDll)} compute {Quote(Samples.Path("banjar-2025.json"))} > /dev/null");
        Assert.True(exit == 0, err);
    }

    [Fact]
    public void A_full_disk_for_the_output_file_ends_with_exit_2_and_leaves_no_temporary()
    {
        // a 64 KB tmpfs, where the machine lets the tests mount one (root); else the output goes to /dev/full's
        // sibling case above, and this test checks the refusal of the message alone on a disk that is not full
        var disk = Path.Combine(Folder, "kecil");
        Directory.CreateDirectory(disk);
        var (mounted, _) = Shell($"mount -t tmpfs -o size=64k tmpfs {Quote(disk)}");
        try
        {
            var output = Path.Combine(disk, "lkjip.docx");
            var (exit, err) = Shell($"dotnet {Quote(KinerjaDll)} report lkjip {Quote(Samples.Path("banjar-2025.json"))} --draft --out {Quote(output)}");
            if (mounted == 0)
            {
                Assert.Equal(2, exit);
                Assert.Equal($"kesalahan: tidak dapat menulis {output}: disk penuh (ruang kosong tidak cukup); kosongkan ruang atau pilih tempat lain, lalu ulangi", Assert.Single(Lines(err)));
                Assert.Empty(Directory.GetFileSystemEntries(disk));
            }
            else
            {
                Assert.True(exit == 0, err);
            }
        }
        finally
        {
            if (mounted == 0)
                Shell($"umount {Quote(disk)}");
        }
    }

    [Fact]
    public async Task Ctrl_C_during_a_pdf_kills_LibreOffice_and_leaves_no_temporary_file()
    {
        var temp = Directory.CreateDirectory(Path.Combine(Folder, "tmp")).FullName;
        var output = Path.Combine(Folder, "lkjip.pdf");
        // a process started under a test host or a background job may inherit SIGINT ignored or blocked, and .NET
        // leaves it so (as a shell's "cmd &" expects): the launcher gives kinerja what a terminal's Ctrl-C meets,
        // SIGINT unblocked and at its default (python3 where present, which also clears the signal mask; else env)
        var python = File.Exists("/usr/bin/python3");
        var start = new ProcessStartInfo(python ? "/usr/bin/python3" : "env") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        string[] launcher = python
            ? ["-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"]
            : ["--default-signal=INT"];
        foreach (var argument in launcher.Concat(new[] { "dotnet", KinerjaDll, "report", "lkjip", Samples.Path("banjar-2025.json"), "--draft", "--out", output }))
            start.ArgumentList.Add(argument);
        // the .docx for LibreOffice and its work folder go under TMPDIR: a private one shows whatever is left behind
        start.Environment["TMPDIR"] = temp;
        // a stand-in for LibreOffice found first on the PATH, as kinerja looks for soffice: it works "forever" and
        // has a child of its own, so the signal surely comes mid-conversion (a real conversion can end first on a
        // busy machine) and the whole process tree must go, not only the process kinerja started
        var office = Directory.CreateDirectory(Path.Combine(Folder, "office")).FullName;
        var soffice = Path.Combine(office, "soffice");
        var started = Path.Combine(office, "started");
        // it writes its own pid and its child's once both run, so the test knows when to interrupt and what must go
        File.WriteAllText(soffice, $"#!/bin/sh\nsleep 300 &\necho $$ $! > '{started}.tmp'\nmv '{started}.tmp' '{started}'\nwait\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(soffice, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        start.Environment["PATH"] = office + ":" + Environment.GetEnvironmentVariable("PATH");
        // the stand-in is killed on a pooled profile, which is then discarded: a private pool keeps the real one warm
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Folder, "cache");
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(started) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(5))
            await Task.Delay(100);
        // (the message is built only on failure: awaiting stderr before the signal would wait for the end of the run)
        if (process.HasExited || !File.Exists(started))
            Assert.Fail($"the conversion never started (exited: {process.HasExited}): " + await err);
        var all = Descendants(process.Id).Concat(File.ReadAllText(started).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)).Distinct().ToList();
        var signals = string.Join("; ", File.ReadAllLines($"/proc/{process.Id}/status").Where(l => l.StartsWith("Sig", StringComparison.Ordinal)));
        Shell($"kill -INT {process.Id}");
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "kinerja did not end after SIGINT; its signals: " + signals);
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}, signals {signals}: {await err}");
        Assert.StartsWith($"dibatalkan: {output} tidak ditulis", Lines(await err)[^1], StringComparison.Ordinal);
        await stdout;
        // every process it started is gone (a zombie awaiting its reaper counts as gone)
        await Task.Delay(500);
        Assert.All(all, pid => Assert.True(Name(pid) is null || State(pid) == 'Z', $"process {pid} ({Name(pid)}) still runs"));
        Assert.Empty(Directory.GetFileSystemEntries(temp));
        Assert.Empty(Directory.GetFiles(Folder));
        Assert.Empty(Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName).Except(["tmp", "office", "cache"]));
    }

    private static IEnumerable<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // ended while we looked
            }
        }

        var found = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var parent = queue.Dequeue();
            foreach (var (pid, ppid) in parents)
            {
                if (ppid == parent)
                {
                    found.Add(pid);
                    queue.Enqueue(pid);
                }
            }
        }

        return found;
    }

    private static string? Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static char State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return 'X';
        }
    }
}
