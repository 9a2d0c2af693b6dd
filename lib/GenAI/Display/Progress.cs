namespace GenAI.Display;

/// <summary>
/// One live progress indicator (a training run, a download). Library code creates it through
/// <see cref="Progress.Start"/> and reports into it; the host decides how it looks: in a notebook an
/// output updated in place (<c>update_display_data</c>), in a terminal a redrawn bar.
/// </summary>
public interface IProgressView : IDisposable
{
    /// <summary>Reports the current position; <paramref name="total"/> is null when unknown.</summary>
    void Report(double current, double? total = null, string? detail = null);
}

/// <summary>The single entry point through which library code shows progress.</summary>
public static class Progress
{
    private static Func<string, IProgressView> _factory = label => new ConsoleProgressView(label, Console.Out);

    /// <summary>
    /// How progress views are made. The notebook engine and kernel replace it with one that renders
    /// into the running cell's output; the default draws a bar on the console.
    /// </summary>
    public static Func<string, IProgressView> Factory
    {
        get => _factory;
        set => _factory = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Starts a progress view labelled <paramref name="label"/> (German text in course code).</summary>
    public static IProgressView Start(string label) => _factory(label);
}
