using Kinerja.Domain.Values;

namespace Kinerja.Documents.Workbook;

/// <summary>
/// What text a cell may hold. Control characters (other than tab and line breaks), the non-characters U+FFFE and
/// U+FFFF and lone surrogate halves cannot be written back into .xlsx or Word (the file would not open), and text
/// longer than an Excel cell holds (32.767 characters) would be cut on the way out: each is refused at import with
/// its location rather than dropped or cut later.
/// </summary>
public static class CellText
{
    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxLength = 32767;

    /// <summary>Why <paramref name="text"/> cannot be taken as it is, or null when it can.</summary>
    public static string? Problem(string text)
    {
        if (text.Length > MaxLength)
            return $"teks {IndonesianNumber.Format(text.Length, 0)} karakter, melebihi batas satu sel ({IndonesianNumber.Format(MaxLength, 0)} karakter); pendekkan atau bagi ke beberapa baris";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
                return $"teks berisi karakter Unicode rusak (separuh pasangan surrogate U+{(int)c:X4}) pada karakter ke-{i + 1}; ketik ulang teks itu";
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
                return $"teks berisi karakter kendali U+{(int)c:X4} pada karakter ke-{i + 1}; hapus karakter itu (sering terbawa saat menyalin dari sistem lain)";
        }

        return null;
    }
}
