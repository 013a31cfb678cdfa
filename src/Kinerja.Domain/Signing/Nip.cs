namespace Kinerja.Domain.Signing;

/// <summary>
/// The NIP of a civil servant (18 digits: birth date, appointment month, sex, serial), printed in its
/// groups: "19751108 199903 2 005".
/// </summary>
public static class Nip
{
    /// <summary>The digits in their groups; a value that is not 18 digits is printed as written.</summary>
    public static string Format(string nip)
    {
        var digits = new string(nip.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 18 || nip.Any(c => !char.IsAsciiDigit(c) && c != ' ' && c != '.'))
            return nip.Trim();
        return $"{digits[..8]} {digits[8..14]} {digits[14]} {digits[15..]}";
    }
}
