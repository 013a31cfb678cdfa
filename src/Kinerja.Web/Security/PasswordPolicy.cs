using System.Reflection;
using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Security;

/// <summary>
/// Refuses passwords that are easy to guess for someone who knows the installation: the user name, the product's
/// name, an instansi's name or one of its distinctive words or its initials, and the 10.000 most common passwords
/// (common-passwords.txt, source named in its header). A password is compared in lower case, whole and without
/// the digits and marks people append ("Sunshine2024!" is "sunshine"), because the length and character rules
/// alone let "Kinerja123" and "Password123" through.
/// </summary>
public sealed class PasswordPolicy(KinerjaDbContext db) : IPasswordValidator<AppUser>
{
    public const string Product = "kinerja";

    // words every instansi name has; refusing them would refuse half the dictionary without making a guess harder
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "kementerian", "kementrian", "koordinator", "bidang", "badan", "dinas", "kantor", "kabupaten", "provinsi", "republik",
        "direktorat", "jenderal", "sekretariat", "daerah", "negara", "pemerintah", "lembaga", "dengan", "serta", "untuk", "pusat",
    };

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static IReadOnlySet<string> CommonPasswords => Common.Value;

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return IdentityResult.Success;
        var names = await db.Agencies.AsNoTracking().Select(a => a.Name).ToListAsync();
        var errors = Check(password, user.UserName, user.DisplayName, names)
            .Select(reason => new IdentityError { Code = "PasswordGuessable", Description = reason })
            .ToArray();
        return errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors);
    }

    /// <summary>The reasons a password is refused (empty when it is acceptable).</summary>
    public static IReadOnlyList<string> Check(string password, string? userName, string? displayName, IEnumerable<string> agencyNames)
    {
        var reasons = new List<string>();
        var lower = password.ToLowerInvariant();
        var letters = new string(lower.Where(char.IsLetterOrDigit).ToArray());
        if (userName is { Length: >= 3 } && (lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal) || letters.Contains(Letters(userName), StringComparison.Ordinal)))
            reasons.Add("Kata sandi tidak boleh memuat nama pengguna.");
        else if (displayName is { Length: > 0 } && displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Letters).FirstOrDefault(w => w.Length >= 4 && letters.Contains(w, StringComparison.Ordinal)) is { } part)
            reasons.Add($"Kata sandi tidak boleh memuat nama pemilik akun (\"{part}\").");
        if (letters.Contains(Product, StringComparison.Ordinal))
            reasons.Add("Kata sandi tidak boleh memuat nama aplikasi (Kinerja).");
        if (agencyNames.Select(n => AgencyPart(letters, n)).FirstOrDefault(p => p is not null) is { } agencyPart)
            reasons.Add($"Kata sandi tidak boleh memuat nama atau singkatan instansi (\"{agencyPart}\").");
        var stem = lower.TrimEnd(c => !char.IsLetter(c));
        var head = lower.TrimStart(c => !char.IsLetter(c));
        if (Common.Value.Contains(lower) || Common.Value.Contains(stem) || Common.Value.Contains(head) || Common.Value.Contains(head.TrimEnd(c => !char.IsLetter(c))))
            reasons.Add("Kata sandi ini termasuk 10.000 kata sandi yang paling sering dipakai (mudah ditebak); pilih yang lain, misalnya beberapa kata yang tidak berhubungan.");
        return reasons;
    }

    /// <summary>The part of an instansi's name found in the password: the name without spaces, a distinctive word, or its initials (3 letters or more).</summary>
    private static string? AgencyPart(string letters, string agencyName)
    {
        var words = agencyName.ToLowerInvariant().Split([' ', '-', ',', '.', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries).Select(Letters).Where(w => w.Length > 0).ToList();
        var whole = string.Concat(words);
        if (whole.Length >= 4 && letters.Contains(whole, StringComparison.Ordinal))
            return agencyName;
        if (words.FirstOrDefault(w => w.Length >= 5 && !GenericWords.Contains(w) && letters.Contains(w, StringComparison.Ordinal)) is { } word)
            return word;
        var initials = string.Concat(words.Where(w => w is not ("dan" or "dari" or "and")).Select(w => w[0]));
        return initials.Length >= 3 && letters.Contains(initials, StringComparison.Ordinal) ? initials.ToUpperInvariant() : null;
    }

    private static string Letters(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Kinerja.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line.ToLowerInvariant());
        }

        return set;
    }
}

internal static class TrimExtensions
{
    public static string TrimEnd(this string s, Func<char, bool> drop)
    {
        var end = s.Length;
        while (end > 0 && drop(s[end - 1]))
            end--;
        return s[..end];
    }

    public static string TrimStart(this string s, Func<char, bool> drop)
    {
        var start = 0;
        while (start < s.Length && drop(s[start]))
            start++;
        return s[start..];
    }
}

/// <summary>Temporary passwords for an administrator's reset: 16 random characters with upper case, lower case and digits, none that look alike.</summary>
public static class TemporaryPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    public static string New()
    {
        const string all = Upper + Lower + Digits;
        var chars = new char[16];
        chars[0] = Upper[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < chars.Length; i++)
            chars[i] = all[System.Security.Cryptography.RandomNumberGenerator.GetInt32(all.Length)];
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
