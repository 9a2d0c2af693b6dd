using System.Globalization;

namespace GenAI.Display;

/// <summary>
/// A terminal progress bar. When the writer is an interactive console it redraws one line in place
/// with <c>\r</c>; when output is redirected (CI logs) it prints at most one line per 10 % so logs stay short.
/// </summary>
public sealed class ConsoleProgressView(string label, TextWriter writer) : IProgressView
{
    private const int BarWidth = 30;
    private readonly bool _inPlace = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
    private int _lastDecile = -1;
    private string _lastLine = "";

    /// <inheritdoc/>
    public void Report(double current, double? total = null, string? detail = null)
    {
        var line = Format(label, current, total, detail);
        if (_inPlace)
        {
            writer.Write("\r" + line.PadRight(Math.Max(line.Length, _lastLine.Length)));
        }
        else
        {
            int decile = total is > 0 ? (int)Math.Floor(10 * current / total.Value) : _lastDecile + 1;
            if (decile == _lastDecile) { _lastLine = line; return; }
            _lastDecile = decile;
            writer.WriteLine(line);
        }
        _lastLine = line;
    }

    /// <summary>Formats one progress line, e.g. <c>Training [#####.....] 50% 5/10 loss 0.31</c>.</summary>
    public static string Format(string label, double current, double? total, string? detail)
    {
        var ci = CultureInfo.InvariantCulture;
        string body;
        if (total is > 0)
        {
            double fraction = Math.Clamp(current / total.Value, 0, 1);
            int filled = (int)Math.Round(fraction * BarWidth);
            body = string.Create(ci, $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100,3:0}% {current:0.##}/{total:0.##}");
        }
        else
        {
            body = current.ToString("0.##", ci);
        }
        return detail is null ? $"{label} {body}" : $"{label} {body} {detail}";
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_inPlace) writer.WriteLine();
    }
}
