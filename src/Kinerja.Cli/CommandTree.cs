using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Kinerja.Cli;

/// <summary>
/// The commands, their arguments and options, declared once for System.CommandLine: the parser, the help text, the
/// typo suggestions and the shell completion all come from this one tree. Every description is Indonesian; the
/// library's own English texts (help layout, parse errors) are replaced by <see cref="HelpText"/> and
/// <see cref="ParseErrors"/>.
/// </summary>
internal static class CommandTree
{
    public const string Summary = "pengukuran dan pelaporan kinerja (SAKIP)";

    public static RootCommand Build()
    {
        var root = new RootCommand(Summary);
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "Tampilkan bantuan (bisa sesudah perintah: kinerja compute --help)";
                    help.Action = new IndonesianHelp();
                    // the Windows spellings would only crowd the completion list
                    help.Aliases.Remove("/h");
                    help.Aliases.Remove("/?");
                    break;
                case VersionOption version:
                    version.Description = "Tampilkan versi kinerja";
                    version.Action = new PrintVersion();
                    break;
            }
        }

        root.Add(Compute());
        root.Add(Check());
        root.Add(Budget());
        root.Add(Report());
        root.Add(Template());
        root.Add(Convert());
        root.Add(Completion());
        return root;
    }

    public static string Version =>
        typeof(CommandTree).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CommandTree).Assembly.GetName().Version?.ToString(3) ?? "0";

    private static Command Compute() => new("compute", "Hitung capaian setiap indikator, sasaran dan instansi; indikator dengan rumus hitung dihitung dari NilaiData (dalam FILE atau berkas --data).")
    {
        WorkbookArgument(),
        Period(),
        new Option<string>("--format", "--bentuk")
        {
            Description = "Bentuk keluaran: tabel (bawaan; juga table), csv atau json",
            HelpName = "tabel|csv|json",
            CompletionSources = { "tabel", "csv", "json" },
        },
        Data(),
        BudgetCsv(),
    };

    private static Command Check() => new("check", "Periksa konsistensi data (capaian tercetak, target, realisasi, anggaran, rumus hitung, rincian data). FILE boleh berupa CSV anggaran saja (kode;nama;pagu;realisasi).")
    {
        WorkbookArgument(".xlsx, .json, .csv anggaran, atau ekspor SIPD/SAKTI .xlsx"),
        BudgetCsv(),
        Data(),
    };

    private static Command Budget() => new("budget", "Tampilkan pohon anggaran dengan jumlah rinciannya, penyerapan dan tabel efisiensi.")
    {
        WorkbookArgument(".xlsx, .json, .csv anggaran, atau ekspor SIPD/SAKTI .xlsx"),
        BudgetCsv(),
    };

    private static Command Report()
    {
        var kind = new Argument<string>("JENIS") { Description = "lkjip, pk atau triwulan", Arity = ArgumentArity.ZeroOrOne };
        kind.CompletionSources.Add("lkjip", "pk", "triwulan");
        return new Command("report", "Buat Laporan Kinerja (lkjip), Perjanjian Kinerja (pk) atau laporan triwulan sebagai Word, PDF atau Excel.")
        {
            kind,
            WorkbookArgument(),
            new Option<string>("--out", "--keluaran", "-o") { Description = "Berkas laporan yang ditulis; bentuknya dari akhiran", HelpName = "X.docx|X.pdf|X.xlsx" },
            Period(),
            new Option<string>("--versi") { Description = "Versi Perjanjian Kinerja: awal, perubahan (yang terakhir) atau perubahan-1, perubahan-2, ...", HelpName = "awal|perubahan|perubahan-N", CompletionSources = { "awal", "perubahan" } },
            new Option<bool>("--draft", "--draf") { Description = "Buat draf bertanda DRAF dengan daftar periksa di halaman terakhir, walau data belum lengkap atau pemeriksaan menemukan galat" },
            Data(),
            Force("Timpa berkas --out yang sudah ada (laporan yang ditulis kinerja ditimpa tanpa --force)"),
            new Option<string>("--pdf-timeout", "--batas-waktu-pdf")
            {
                Description = "Batas waktu konversi PDF oleh LibreOffice, dalam detik (bawaan 180)",
                HelpName = "DETIK",
            },
        };
    }

    private static Command Template() => new("template", "Tulis templat workbook kosong (.xlsx): setiap sheet dengan judul kolom, keterangan isian dan daftar pilihan.")
    {
        new Argument<string>("OUT") { Description = "Berkas .xlsx yang ditulis", HelpName = "OUT.xlsx", Arity = ArgumentArity.ZeroOrOne },
        Force("Timpa berkas yang sudah ada"),
    };

    private static Command Convert() => new("convert", "Ubah bentuk workbook (.xlsx <-> .json) tanpa kehilangan isi.")
    {
        new Argument<string>("IN") { Description = "Workbook masukan (.xlsx atau .json)", Arity = ArgumentArity.ZeroOrOne },
        new Argument<string>("OUT") { Description = "Workbook keluaran (.xlsx atau .json)", Arity = ArgumentArity.ZeroOrOne },
        Force("Timpa berkas keluaran yang sudah ada"),
    };

    private static Command Completion()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash atau zsh", Arity = ArgumentArity.ZeroOrOne };
        shell.CompletionSources.Add("bash", "zsh");
        return new Command("completion", "Tulis skrip pelengkapan otomatis (tab) untuk shell; pasang dengan: source <(kinerja completion bash)")
        {
            shell,
        };
    }

    private static Argument<string> WorkbookArgument(string kinds = ".xlsx atau .json") =>
        // optional for the parser: the command itself says "FILE belum disebut" in Indonesian
        new("FILE") { Description = $"Workbook {kinds} (lihat docs/workbook-format.md)", Arity = ArgumentArity.ZeroOrOne };

    private static Option<string> Period() => new("--period", "--periode", "-p")
    {
        Description = "Periode: tahun atau triwulan (bawaan: Periode Laporan di sheet Profil, atau Tahun bila kosong); periode tanpa target dan realisasi ditolak",
        HelpName = "2024|2026-TW1",
    };

    private static Option<string> Data() => new("--data")
    {
        Description = "Berkas data tambahan (NilaiData), dipisah koma",
        HelpName = "DATA.json,NILAI.csv",
    };

    private static Option<string> BudgetCsv() => new("--budget-csv", "--anggaran-csv")
    {
        Description = "Ekspor anggaran sistem keuangan: CSV (kode;nama;pagu;realisasi) atau ekspor SIPD/KRISNA/SAKTI .xlsx (lihat docs/imports.md), menggantikan sheet Anggaran",
        HelpName = "ANGGARAN.csv|EKSPOR.xlsx",
    };

    private static Option<bool> Force(string description) => new("--force", "--paksa") { Description = description };

    private sealed class IndonesianHelp : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            HelpText.Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return CliApp.Ok;
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"kinerja {Version}");
            return CliApp.Ok;
        }
    }
}

/// <summary>The help page of a command, laid out here so that no English heading of the library shows.</summary>
internal static class HelpText
{
    public static void Write(Command command, TextWriter output)
    {
        var isRoot = command is RootCommand;
        var name = isRoot ? "kinerja" : "kinerja " + command.Name;
        output.WriteLine($"{name}: {(isRoot ? CommandTree.Summary : command.Description)}");
        output.WriteLine();
        output.WriteLine("Pemakaian:");
        if (isRoot)
        {
            output.WriteLine("  kinerja PERINTAH [argumen] [opsi]");
            output.WriteLine();
            output.WriteLine("Perintah:");
            WriteTwoColumns(output, command.Subcommands.Select(c => (c.Name + " " + string.Join(' ', c.Arguments.Select(a => a.HelpName ?? a.Name)), c.Description ?? "")));
        }
        else
        {
            output.WriteLine($"  {name} {string.Join(' ', command.Arguments.Select(a => a.HelpName ?? a.Name))} [opsi]".Replace("  [opsi]", " [opsi]", StringComparison.Ordinal));
            if (command.Arguments.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Argumen:");
                WriteTwoColumns(output, command.Arguments.Select(a => (a.HelpName ?? a.Name, a.Description ?? "")));
            }
        }

        var options = command.Options.Where(o => !o.Hidden).ToList();
        if (!isRoot)
            options.Add(new HelpOption { Description = "Tampilkan bantuan ini" });
        output.WriteLine();
        output.WriteLine("Opsi:");
        WriteTwoColumns(output, options.Select(o => (OptionLabel(o), o.Description ?? "")));
        output.WriteLine();
        if (isRoot)
        {
            output.WriteLine("FILE adalah workbook .xlsx atau .json (lihat docs/workbook-format.md).");
            output.WriteLine("Bantuan satu perintah: kinerja PERINTAH --help (mis. kinerja report --help).");
        }

        output.WriteLine("Kode keluar: 0 berhasil, 1 ada temuan, 2 masukan salah, 3 kesalahan tak terduga.");
    }

    private static string OptionLabel(Option option)
    {
        // the Windows spellings (/h, /?) are accepted but not advertised
        var names = new[] { option.Name }.Concat(option.Aliases).Where(n => !n.StartsWith('/')).OrderBy(n => n.StartsWith("--", StringComparison.Ordinal) ? 1 : 0).ThenBy(n => n == option.Name ? 0 : 1);
        var label = string.Join(", ", names);
        // a switch (--draft, --force) takes no value: showing one would make users type "--force ya"
        return option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) ? label : $"{label} {option.HelpName ?? "NILAI"}";
    }

    private static void WriteTwoColumns(TextWriter output, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        var width = Math.Min(40, list.Count == 0 ? 0 : list.Max(r => r.Left.Length));
        foreach (var (left, right) in list)
        {
            var lines = Wrap(right, Math.Max(30, 100 - width - 4));
            if (left.Length > width)
            {
                output.WriteLine("  " + left);
                foreach (var line in lines)
                    output.WriteLine(new string(' ', width + 4) + line);
                continue;
            }

            output.WriteLine("  " + left.PadRight(width) + "  " + lines.FirstOrDefault());
            foreach (var line in lines.Skip(1))
                output.WriteLine(new string(' ', width + 4) + line);
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        if (current.Length > 0)
            lines.Add(current);
        return lines;
    }
}

/// <summary>
/// Parse errors said in Indonesian. The library's own messages are English, so each error is recognised by what
/// it concerns (an unknown token, an option without its value) and said again; an unknown option gets the
/// nearest known one as a suggestion.
/// </summary>
internal static class ParseErrors
{
    public static IReadOnlyList<string> Describe(ParseResult result)
    {
        var messages = new List<string>();
        var command = result.CommandResult.Command;
        var commandName = command is RootCommand ? "kinerja" : "kinerja " + command.Name;
        // after an unknown option its value is unmatched too: say only the option, the real mistake
        // an optional argument takes an unknown "--fromat" as its value, so arguments are looked at too
        var argumentTokens = command.Arguments.Select(a => result.GetResult(a)).OfType<System.CommandLine.Parsing.ArgumentResult>()
            .SelectMany(r => r.Tokens).Select(t => t.Value).Where(IsOptionLike);
        var unmatched = argumentTokens.Concat(result.UnmatchedTokens).ToList();
        var unknownOption = unmatched.Any(IsOptionLike);
        foreach (var token in unmatched)
        {
            if (unknownOption && !IsOptionLike(token))
                continue;
            if (IsOptionLike(token))
            {
                var known = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
                var suggestion = Nearest(token.Split('=', ':')[0], known);
                messages.Add($"opsi \"{token}\" tidak dikenal oleh {commandName}" + (suggestion is null ? "" : $"; maksud Anda {suggestion}?") + $" (lihat {commandName} --help)");
            }
            else if (command is RootCommand)
            {
                var suggestion = Nearest(token, command.Subcommands.Select(c => c.Name).ToList());
                messages.Add($"perintah \"{token}\" tidak dikenal" + (suggestion is null ? "; lihat kinerja --help" : $"; maksud Anda {suggestion}? (lihat kinerja --help)"));
                break;
            }
            else
            {
                messages.Add($"argumen \"{token}\" berlebih untuk {commandName} (lihat {commandName} --help)");
            }
        }

        foreach (var error in result.Errors)
        {
            // unknown tokens were said above, each once
            if (error.SymbolResult is System.CommandLine.Parsing.CommandResult && unmatched.Count > 0)
                continue;
            var option = error.SymbolResult switch
            {
                System.CommandLine.Parsing.OptionResult o => o.Option,
                System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option,
                _ => null,
            };
            if (option is not null)
                messages.Add($"{option.Name} memerlukan nilai{(option.HelpName is { } help ? " (" + help + ")" : "")}");
            else if (error.SymbolResult is System.CommandLine.Parsing.CommandResult { Command: RootCommand } && result.Tokens.Count == 0)
                messages.Add("perintah belum disebut; lihat kinerja --help");
            else if (messages.Count == 0)
                messages.Add($"baris perintah tidak dapat dibaca (lihat {commandName} --help)");
        }

        return messages.Distinct().ToList();
    }

    private static bool IsOptionLike(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    /// <summary>The known word nearest to <paramref name="word"/> by edit distance, when near enough to be a typo.</summary>
    internal static string? Nearest(string word, IReadOnlyCollection<string> known)
    {
        var best = known.Select(k => (Known: k, Distance: Distance(word.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Known, StringComparer.Ordinal).FirstOrDefault();
        return best.Known is not null && best.Distance <= Math.Max(2, word.Length / 3) ? best.Known : null;
    }

    private static int Distance(string a, string b)
    {
        // Damerau-Levenshtein (optimal string alignment): a swapped pair such as "fromat" is one typo, not two
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
