using System.Globalization;

namespace GenAI.Core;

/// <summary>
/// Numbers as German readers write them: decimal comma, period between thousands, a real minus
/// sign (U+2212). Independent of the machine's culture so outputs are identical everywhere; plotly.js
/// is told the same with <c>layout.separators = ",."</c>.
/// </summary>
public static class GermanNumber
{
    /// <summary>Formats <paramref name="value"/> with exactly <paramref name="decimals"/> decimals, e.g. <c>-1234.5 → "−1.234,50"</c>.</summary>
    public static string Format(double value, int decimals)
    {
        if (double.IsNaN(value)) return "–";
        if (double.IsInfinity(value)) return value > 0 ? "∞" : "−∞";
        decimals = Math.Clamp(decimals, 0, 15);
        double rounded = Math.Round(value, decimals);
        if (rounded == 0) rounded = 0; // no "−0"
        string invariant = Math.Abs(rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var chars = invariant.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            chars[i] = chars[i] switch { ',' => '.', '.' => ',', var c => c };
        return (rounded < 0 ? "−" : "") + new string(chars);
    }

    /// <summary>Formats with as many decimals as needed (at most <paramref name="maxDecimals"/>), e.g. <c>0.25 → "0,25"</c>.</summary>
    public static string FormatShort(double value, int maxDecimals = 3)
    {
        int decimals = 0;
        while (decimals < maxDecimals && Math.Abs(Math.Round(value, decimals) - value) > 1e-9 * Math.Max(1, Math.Abs(value))) decimals++;
        return Format(value, decimals);
    }

    /// <summary>
    /// A power of ten as a tick label of a logarithmic axis: written out from 0,001 to 10.000, beyond that with a
    /// superscript exponent and a real minus, e.g. <c>-10 → "10⁻¹⁰"</c>, so labels stay short and readable.
    /// </summary>
    public static string PowerOfTen(int exponent)
    {
        if (exponent is >= -3 and <= 4) return Format(Math.Pow(10, exponent), Math.Max(0, -exponent));
        const string superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string digits = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return "10" + (exponent < 0 ? "⁻" : "") + string.Concat(digits.Select(d => superscripts[d - '0']));
    }

    /// <summary>A fraction as a German percentage with one decimal, e.g. <c>0.4213 → "42,1 %"</c>.</summary>
    public static string Percent(double fraction) => Format(fraction * 100, 1) + " %";
}
