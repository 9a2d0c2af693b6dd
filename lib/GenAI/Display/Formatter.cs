using System.Globalization;

namespace GenAI.Display;

/// <summary>
/// Turns any value into a MIME bundle: the single function the notebook engine and the kernel call
/// for <c>display(x)</c> and for a cell's last expression. Objects implementing
/// <see cref="IDisplayable"/> render themselves; a type the notebook registered with .NET Interactive's
/// <c>Formatter.Register</c> uses that; everything else gets a built-in representation.
/// </summary>
public static class Formatter
{
    private static readonly List<Func<object, MimeBundle?>> Formatters = [];

    /// <summary>
    /// Registers a formatter tried (most recently registered first) before the plain-text fallback,
    /// e.g. HTML tables for sequences of records. Return null to pass.
    /// </summary>
    public static void Register(Func<object, MimeBundle?> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (Formatters) Formatters.Insert(0, formatter);
    }

    /// <summary>
    /// Registers the display of a type this library does not own (e.g. Plotly.NET's <c>GenericChart</c>): our engine
    /// uses it like any formatter, and when the official .NET Interactive kernel hosts the library, its formatter
    /// gets the same display for the type, so both kernels show the value alike.
    /// </summary>
    public static void Register(Type type, Func<object, MimeBundle> format)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(format);
        Register(value => type.IsInstanceOfType(value) ? format(value) : null);
        InteractiveFormatting.RegisterTypeIfHosted(type);
    }

    /// <summary>Formats <paramref name="value"/>; null becomes the text <c>null</c>.</summary>
    public static MimeBundle ToMimeBundle(object? value)
    {
        if (value is null) return MimeBundle.PlainText("null");
        if (value is IDisplayable displayable) return displayable.ToMimeBundle();
        if (value is MimeBundle bundle) return bundle;
        if (InteractiveFormatting.FromUserRegistration(value) is { } registered) return registered;
        Func<object, MimeBundle?>[] formatters;
        lock (Formatters) formatters = [.. Formatters];
        foreach (var formatter in formatters)
            if (formatter(value) is { } formatted) return formatted;
        return MimeBundle.PlainText(ToPlainText(value));
    }

    /// <summary>Plain text of a value, culture-invariant so outputs are the same on every machine.</summary>
    public static string ToPlainText(object? value) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
