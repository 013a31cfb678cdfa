namespace Kinerja.Domain.Values;

/// <summary>
/// Whole numbers in Indonesian words, as PKs and reports print amounts ("sembilan milyar sembilan puluh
/// juta delapan ratus tiga puluh delapan ribu rupiah", seed 002): sebelas, seratus, seribu; zeros inside are
/// skipped. The spelling of 10^9 follows the seed ("milyar").
/// </summary>
public static class Terbilang
{
    private static readonly string[] Ones = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    private static readonly (decimal Value, string Word)[] Scales =
    [
        (1_000_000_000_000_000m, "ribu triliun"), (1_000_000_000_000m, "triliun"), (1_000_000_000m, "milyar"), (1_000_000m, "juta"),
    ];

    /// <summary>"sembilan milyar ... rupiah"; the amount must be whole.</summary>
    public static string Rupiah(decimal amount) => Words(amount) + " rupiah";

    public static string Words(decimal number)
    {
        if (number != decimal.Truncate(number))
            throw new ArgumentException("terbilang hanya untuk bilangan bulat", nameof(number));
        if (number == 0)
            return "nol";
        if (number < 0)
            return "minus " + Words(-number);
        var parts = new List<string>();
        var rest = number;
        foreach (var (value, word) in Scales)
        {
            if (rest >= value)
            {
                var count = decimal.Truncate(rest / value);
                parts.Add((count < 1000 ? BelowThousand((int)count) : Words(count)) + " " + word);
                rest -= count * value;
            }
        }

        if (rest >= 1000)
        {
            var thousands = (int)decimal.Truncate(rest / 1000);
            parts.Add(thousands == 1 ? "seribu" : BelowThousand(thousands) + " ribu");
            rest -= thousands * 1000;
        }

        if (rest > 0)
            parts.Add(BelowThousand((int)rest));
        return string.Join(" ", parts);
    }

    private static string BelowThousand(int n)
    {
        var parts = new List<string>();
        var hundreds = n / 100;
        if (hundreds == 1)
            parts.Add("seratus");
        else if (hundreds > 1)
            parts.Add(Ones[hundreds] + " ratus");
        var tens = n % 100;
        if (tens is > 0 and <= 11)
            parts.Add(Ones[tens]);
        else if (tens is >= 12 and <= 19)
            parts.Add(Ones[tens - 10] + " belas");
        else if (tens >= 20)
        {
            parts.Add(Ones[tens / 10] + " puluh");
            if (tens % 10 > 0)
                parts.Add(Ones[tens % 10]);
        }

        return string.Join(" ", parts);
    }
}
