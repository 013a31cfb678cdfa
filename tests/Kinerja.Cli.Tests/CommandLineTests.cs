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
