namespace Kinerja.Cli;

/// <summary>
/// `kinerja completion bash|zsh`: a shell function that asks kinerja itself (System.CommandLine's [suggest]
/// directive) for the words that fit at the cursor, so commands, options and their values complete with Tab.
/// </summary>
public static class CompletionCommand
{
    private const string Bash = """
        # pelengkapan otomatis kinerja untuk bash; pasang: source <(kinerja completion bash)
        _kinerja_complete() {
            local IFS=$'\n'
            COMPREPLY=($(kinerja "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
        }
        complete -o default -F _kinerja_complete kinerja
        """;

    public static int Run(Options options, TextWriter output, TextWriter error)
    {
        var shell = options.Positional.Count > 0 ? options.Positional[0] : "bash";
        switch (shell)
        {
            case "bash":
                output.WriteLine(Bash);
                return CliApp.Ok;
            case "zsh":
                // zsh runs bash completion functions through bashcompinit
                output.WriteLine("autoload -U +X bashcompinit && bashcompinit");
                output.WriteLine(Bash);
                return CliApp.Ok;
            default:
                throw new UsageException($"shell \"{shell}\" tidak didukung; pilih bash atau zsh");
        }
    }
}
