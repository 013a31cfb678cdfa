using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Kinerja.Cli.Tests;

/// <summary>
/// Mutated sample workbooks (JSON and .xlsx, fixed seed, bounded count): every run ends with exit 0, 1 or 2, never 3
/// (a defect), and a refused run leaves no output file, whole or partial.
/// </summary>
public sealed class FuzzTests : WithTempFolder
{
    private const int Seed = 20261130;

    private static readonly string[] NastyValues =
    [
        "1,234", "1e308", "1E-28", "79228162514264337593543950336", "99999999999999999999999999999", "-5", "-0,5%", "", " ",
        "\u0000", "\u001F", "\uFFFE", "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "2025-TW5", "2030", "N/A", "45767", "0", "0,0000000000000000000000000001",
        "1.762.000.000.000.000.000.000.000.000", "56,40-59,32 %", "3 dari 4", "WTP", "ik-1", "IK-1", new string('x', 40000),
    ];

    private string[] Leftovers() => Directory.GetFiles(Folder).Where(f => Path.GetFileName(f).StartsWith('.')).ToArray();

    private async Task AssertHandled(string input, string label)
    {
        var output = Path.Combine(Folder, "keluaran.json");
        File.Delete(output);
        var compute = await CliHarness.Run("compute", input, "--format", "csv");
        Assert.True(compute.Exit is 0 or 1 or 2, $"{label}: compute keluar {compute.Exit}: {compute.Err}");
        var check = await CliHarness.Run("check", input);
        Assert.True(check.Exit is 0 or 1 or 2, $"{label}: check keluar {check.Exit}: {check.Err}");
        var convert = await CliHarness.Run("convert", input, output);
        Assert.True(convert.Exit is 0 or 2, $"{label}: convert keluar {convert.Exit}: {convert.Err}");
        Assert.Equal(convert.Exit == 0, File.Exists(output));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task Mutated_json_workbooks_never_crash_and_leave_no_partial_output()
    {
        var random = new Random(Seed);
        var sample = File.ReadAllText(Samples.Path("banjar-2025.json"));
        for (var run = 0; run < 40; run++)
        {
            var root = JsonNode.Parse(sample)!.AsObject();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
                Mutate(root, random);
            var text = root.ToJsonString();
            // a lone surrogate cannot be held by JsonNode: put it in as the escape a foreign file carries
            text = text.Replace("\"@SUM(A1)\"", random.Next(2) == 0 ? "\"\\uD800\"" : "\"@SUM(A1)\"", StringComparison.Ordinal);
            if (random.Next(10) == 0)
                text = text[..random.Next(text.Length)];
            var path = Path.Combine(Folder, "mutasi.json");
            File.WriteAllText(path, text);
            await AssertHandled(path, $"json #{run}");
        }
    }

    private static void Mutate(JsonObject root, Random random)
    {
        var sections = root.Select(p => p.Key).ToList();
        var section = root[sections[random.Next(sections.Count)]];
        JsonObject? target = section switch
        {
            JsonObject o => o,
            JsonArray { Count: > 0 } a => a[random.Next(a.Count)] as JsonObject,
            _ => null,
        };
        if (target is null || target.Count == 0)
            return;
        var key = target.Select(p => p.Key).ElementAt(random.Next(target.Count));
        switch (random.Next(6))
        {
            case 0:
                target.Remove(key);
                break;
            case 1:
                target[key] = 1e300 * random.NextDouble();
                break;
            case 2:
                target[key] = random.Next(2) == 0 ? null : new JsonArray(1, "a");
                break;
            default:
                target[key] = NastyValues[random.Next(NastyValues.Length)];
                break;
        }
    }

    [Fact]
    public async Task Mutated_xlsx_workbooks_never_crash_and_leave_no_partial_output()
    {
        var random = new Random(Seed);
        var sample = File.ReadAllBytes(Samples.Path("banjar-2025.xlsx"));
        for (var run = 0; run < 30; run++)
        {
            var path = Path.Combine(Folder, "mutasi.xlsx");
            if (run % 6 == 5)
            {
                // raw damage to the package itself
                var bytes = (byte[])sample.Clone();
                for (var i = 0; i < 1 + random.Next(20); i++)
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                File.WriteAllBytes(path, bytes);
            }
            else
            {
                File.WriteAllBytes(path, MutateSheets(sample, random));
            }

            await AssertHandled(path, $"xlsx #{run}");
        }
    }

    private static byte[] MutateSheets(byte[] sample, Random random)
    {
        using var input = new ZipArchive(new MemoryStream(sample), ZipArchiveMode.Read);
        var result = new MemoryStream();
        using (var output = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheets = input.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
            var victim = sheets[random.Next(sheets.Count)].FullName;
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (entry.FullName == victim)
                    text = MutateXml(text, random);
                using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return result.ToArray();
    }

    private static string MutateXml(string xml, Random random)
    {
        var builder = new StringBuilder(xml);
        for (var m = 0; m < 1 + random.Next(3); m++)
        {
            var text = builder.ToString();
            var at = text.IndexOf("<x:t", random.Next(text.Length), StringComparison.Ordinal) is var t && t >= 0 ? t : text.IndexOf("<t", random.Next(text.Length), StringComparison.Ordinal);
            switch (random.Next(5))
            {
                case 0 when at >= 0:
                    var close = text.IndexOf('>', at);
                    var value = System.Security.SecurityElement.Escape(NastyValues[random.Next(NastyValues.Length)].Replace("\0", "_x0000_", StringComparison.Ordinal).Replace("\u001F", "_x001F_", StringComparison.Ordinal).Replace("\uFFFE", "_xFFFE_", StringComparison.Ordinal))!;
                    builder.Insert(close + 1, value);
                    break;
                case 1:
                    // a numeric cell with a value no decimal holds
                    builder.Replace("t=\"inlineStr\"", "", random.Next(builder.Length / 2), builder.Length / 2);
                    break;
                case 2:
                    builder.Length = random.Next(builder.Length);
                    break;
                case 3:
                    builder.Insert(random.Next(builder.Length), random.Next(2) == 0 ? "<c r=\"B9\" t=\"s\"><v>99999</v></c>" : "<c r=\"C3\"><f>SUM(A1)</f></c>");
                    break;
                default:
                    builder[random.Next(builder.Length)] = (char)random.Next(32, 127);
                    break;
            }
        }

        return builder.ToString();
    }
}
