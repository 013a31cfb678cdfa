namespace Kinerja.Cli.Tests;

/// <summary>The command line as System.CommandLine parses it: help per command, version, aliases, typos, completion.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] EnglishWords = ["Usage", "Options:", "Arguments:", "Commands:", "Show help", "version information", "Required", "Unrecognized"];

    [Theory]
    [InlineData("compute", "--period")]
    [InlineData("check", "--budget-csv")]
    [InlineData("budget", "--anggaran-csv")]
    [InlineData("report", "--pdf-timeout")]
    [InlineData("template", "--force")]
    [InlineData("convert", "--paksa")]
    public async Task Each_command_has_its_own_help_in_Indonesian(string command, string option)
    {
        var (exit, output, _) = await CliHarness.Run(command, "--help");

        Assert.Equal(0, exit);
        Assert.StartsWith($"kinerja {command}:", output, StringComparison.Ordinal);
        Assert.Contains("Pemakaian:", output, StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishWords, w => output.Contains(w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_word_before_a_command_shows_that_commands_help()
    {
        var (exit, output, _) = await CliHarness.Run("help", "report");

        Assert.Equal(0, exit);
        Assert.StartsWith("kinerja report:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_is_printed()
    {
        var (exit, output, _) = await CliHarness.Run("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^kinerja \d+\.\d+\.\d+", output);
    }

    [Theory]
    [InlineData("--fromat", "--format")]
    [InlineData("--perod", "--period")]
    [InlineData("--dta", "--data")]
    public async Task Unknown_option_is_refused_with_the_nearest_known_one(string typo, string suggestion)
    {
        var (exit, output, error) = await CliHarness.Run("compute", Samples.Path("banjar-2025.xlsx"), typo, "csv");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"opsi \"{typo}\" tidak dikenal", line, StringComparison.Ordinal);
        Assert.Contains($"maksud Anda {suggestion}?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_before_the_file_is_refused_not_taken_as_the_file()
    {
        var (exit, _, error) = await CliHarness.Run("compute", "--fromat", "csv", Samples.Path("banjar-2025.xlsx"));

        Assert.Equal(2, exit);
        Assert.Contains("maksud Anda --format?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_refused_with_a_suggestion()
    {
        var (exit, _, error) = await CliHarness.Run("comptue", Samples.Path("banjar-2025.xlsx"));

        Assert.Equal(2, exit);
        Assert.Contains("perintah \"comptue\" tidak dikenal; maksud Anda compute?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Option_without_its_value_is_refused_in_Indonesian()
    {
        var (exit, _, error) = await CliHarness.Run("compute", Samples.Path("banjar-2025.xlsx"), "--period");

        Assert.Equal(2, exit);
        Assert.Contains("--period memerlukan nilai", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indonesian_alias_gives_the_same_result_as_the_English_name()
    {
        var english = await CliHarness.Run("compute", Samples.Path("banjar-2025.xlsx"), "--period", "2025", "--format", "csv");
        var indonesian = await CliHarness.Run("compute", Samples.Path("banjar-2025.xlsx"), "--periode", "2025", "--bentuk", "csv");
        var wrongYear = await CliHarness.Run("compute", Samples.Path("banjar-2025.xlsx"), "--periode=2019", "--bentuk", "csv");

        Assert.Equal(0, english.Exit);
        Assert.Equal(english, indonesian);
        Assert.NotEqual(english.Out, wrongYear.Out);
    }

    [Fact]
    public async Task Completion_lists_the_values_an_option_takes()
    {
        var line = "kinerja report lkjip x.xlsx --versi ";
        var (exit, output, _) = await CliHarness.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, exit);
        Assert.Equal(["awal", "perubahan"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Completion_script_for_bash_asks_kinerja_for_suggestions()
    {
        var (exit, output, _) = await CliHarness.Run("completion", "bash");

        Assert.Equal(0, exit);
        Assert.Contains("complete -o default -F _kinerja_complete kinerja", output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", output, StringComparison.Ordinal);
    }
}

/// <summary>Issue 12 item 1: nothing a user made is lost; item 4: CSV cannot carry a formula into a spreadsheet.</summary>
public sealed class NothingLostTests : WithTempFolder
{
    private string Existing(string name, string content = "data pengguna")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Template_over_an_existing_file_is_refused_and_force_overwrites()
    {
        var path = Existing("rencana.xlsx");

        var refused = await CliHarness.Run("template", path);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("sudah ada", refused.Err, StringComparison.Ordinal);
        Assert.Equal("data pengguna", File.ReadAllText(path));

        var forced = await CliHarness.Run("template", path, "--force");
        Assert.Equal(0, forced.Exit);
        Assert.NotEqual("data pengguna", File.ReadAllText(path));
    }

    [Fact]
    public async Task Convert_onto_its_own_input_is_refused_even_with_force()
    {
        var input = Path.Combine(Folder, "banjar.json");
        File.Copy(Samples.Path("banjar-2025.json"), input);
        var before = File.ReadAllText(input);

        var (exit, _, err) = await CliHarness.Run("convert", input, input, "--force");

        Assert.Equal(2, exit);
        Assert.Contains("sama dengan berkas masukan", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Fact]
    public async Task Report_out_naming_the_input_workbook_is_refused()
    {
        var input = Path.Combine(Folder, "banjar.xlsx");
        File.Copy(Samples.Path("banjar-2025.xlsx"), input);
        var before = File.ReadAllBytes(input);

        var (exit, _, err) = await CliHarness.Run("report", "triwulan", input, "--out", input, "--draft");

        Assert.Equal(2, exit);
        Assert.Contains("sama dengan berkas masukan", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Report_over_a_file_kinerja_did_not_write_is_refused_but_its_own_report_is_replaced()
    {
        var foreign = Existing("laporan.xlsx");
        var refused = await CliHarness.Run("report", "pk", Samples.Path("banjar-2025.json"), "--out", foreign, "--draft");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("bukan laporan yang ditulis kinerja", refused.Err, StringComparison.Ordinal);
        Assert.Equal("data pengguna", File.ReadAllText(foreign));

        var ours = Path.Combine(Folder, "pk.xlsx");
        Assert.Equal(0, (await CliHarness.Run("report", "pk", Samples.Path("banjar-2025.json"), "--out", ours, "--draft")).Exit);
        Assert.True(OutputGuard.IsKinerjaReport(ours));
        var again = await CliHarness.Run("report", "pk", Samples.Path("banjar-2025.json"), "--out", ours, "--draft");
        Assert.Equal(0, again.Exit);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Read_only_output_is_refused_and_stays_read_only()
    {
        var path = Existing("templat.xlsx");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var (exit, _, err) = await CliHarness.Run("template", path, "--force");

        Assert.Equal(2, exit);
        Assert.Contains("hanya-baca", err, StringComparison.Ordinal);
        Assert.Equal("data pengguna", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"\"http://x\"\")")]
    [InlineData("+62 811", "'+62 811")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-1,5%", "-1,5%")]
    [InlineData("Jumlah pencari kerja", "Jumlah pencari kerja")]
    public void Csv_field_that_a_spreadsheet_would_run_as_a_formula_is_neutralised(string text, string expected)
    {
        var field = ComputeCommand.Csv(text);

        Assert.Equal(expected, field.Trim('"') == field ? field : field[1..^1]);
    }

    [Fact]
    public async Task Indicator_name_starting_with_equals_reaches_the_csv_neutralised()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Samples.Path("banjar-2025.json")))!;
        json["indicators"]![1]!["name"] = "=1+1";
        var path = Path.Combine(Folder, "banjar.json");
        File.WriteAllText(path, json.ToJsonString());

        var (exit, output, _) = await CliHarness.Run("compute", path, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Contains(";'=1+1;", output, StringComparison.Ordinal);
        Assert.DoesNotContain(";=1+1;", output, StringComparison.Ordinal);
    }
}
