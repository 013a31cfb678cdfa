namespace Kinerja.Domain.Budget;

/// <summary>A K/L budget code taken apart: 026.01.WA.2158.EBA.994.002 S 524111.</summary>
public sealed record KlCode(string? Ba, string? Eselon, string? Program, string Path, string? Akun)
{
    /// <summary>The KRO letters of the path (2176.BAA.001 -> BAA), null above the KRO.</summary>
    public string? Kro => Path.Split('.') is { Length: >= 2 } parts ? parts[1] : null;
}

/// <summary>
/// K/L codes as KRISNA and SAKTI write them: bagian anggaran (3 digits) . eselon I (2 digits) . program (2 letters)
/// . kegiatan (4 digits) . KRO (3 letters) . RO (3 digits) . komponen (3 digits) . sub komponen (letters), then the
/// akun (6 digits, BAS), separated by dots or spaces. The tree of the samples keeps the path from the kegiatan down
/// (2176.BAA.001.051.A); the programme is a line of its own (WA) and the akun a line under the path.
/// </summary>
public static class KlCodes
{
    public static KlCode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var tokens = text.Trim().Split(['.', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        string? ba = null, eselon = null, program = null, akun = null;
        if (at < tokens.Length && tokens[at].Length == 3 && tokens[at].All(char.IsAsciiDigit) && at + 1 < tokens.Length && tokens[at + 1].Length == 2 && tokens[at + 1].All(char.IsAsciiDigit))
        {
            ba = tokens[at];
            eselon = tokens[at + 1];
            at += 2;
        }

        if (at < tokens.Length && tokens[at].Length == 2 && tokens[at].All(char.IsAsciiLetterUpper))
            program = tokens[at++];
        if (tokens.Length > at && tokens[^1].Length == 6 && tokens[^1].All(char.IsAsciiDigit))
            akun = tokens[^1];
        var end = akun is null ? tokens.Length : tokens.Length - 1;
        var path = new List<string>();
        // kegiatan, KRO, RO, komponen, sub komponen: each shape in its place or the code is not a K/L code
        Func<string, bool>[] shapes =
        [
            t => t.Length == 4 && t.All(char.IsAsciiDigit),
            t => t.Length == 3 && t.All(char.IsAsciiLetterUpper),
            t => t.Length == 3 && t.All(char.IsAsciiDigit),
            t => t.Length == 3 && t.All(char.IsAsciiDigit),
            t => t.Length is >= 1 and <= 2 && t.All(char.IsAsciiLetterUpper),
        ];
        for (var i = at; i < end; i++)
        {
            var position = i - at;
            if (position >= shapes.Length || !shapes[position](tokens[i]))
                return null;
            path.Add(tokens[i]);
        }

        if (path.Count == 0 && program is null && akun is null)
            return null;
        return new KlCode(ba, eselon, program, string.Join('.', path), akun);
    }

    /// <summary>The level of a path (2176.BAA.001 -> RO).</summary>
    public static string? Level(string path) => path.Length == 0 ? null : path.Count(c => c == '.') switch
    {
        0 => "Kegiatan",
        1 => "KRO",
        2 => "RO",
        3 => "Komponen",
        4 => "SubKomponen",
        _ => null,
    };
}
