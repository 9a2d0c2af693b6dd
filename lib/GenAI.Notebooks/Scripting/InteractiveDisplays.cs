using System.Runtime.CompilerServices;
using GenAI.Display;
using Interactive = Microsoft.DotNet.Interactive.Formatting;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Routes .NET Interactive's own display calls into the running cell: <c>x.Display()</c>, <c>x.Display("text/html")</c>,
/// <c>xs.DisplayTable()</c> and <c>DisplayedValue.Update</c> come from its Formatting package (namespace System,
/// so cells written for Polyglot Notebooks compile unchanged) and announce what they show to subscribers, as its
/// kernel subscribes. Values are formatted by our <see cref="Formatter"/> (German tables, figures, images), except
/// a string sent with an explicit MIME type, which is passed on as written (raw HTML, Markdown, …).
/// The subscription is made when the Formatting assembly loads, i.e. only in sessions whose cells use it.
/// </summary>
internal static class InteractiveDisplays
{
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    private static int _installed;

    /// <summary>Subscribes as soon as (or if ever) the Formatting assembly is loaded.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (e.LoadedAssembly.GetName().Name == FormattingAssembly) Subscribe();
        };
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == FormattingAssembly)) Subscribe();
    }

    private static int _subscribed;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Subscribe()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1) return;
        Interactive.Formatter.SubscribeToDisplayedValues(OnDisplayed);
    }

    // The Formatting package announces a first DisplayedValue from Display() but returns a second one (another
    // object, another DisplayId) whose Update() announces the updates. So an update from an object not seen
    // before claims the newest display of the same cell that no handle has claimed yet: right for the usual
    // "var shown = x.Display(); … shown.Update(y);" and for any number of displays updated in reverse order.
    private static readonly ConditionalWeakTable<Interactive.DisplayedValue, string> Ids = new();
    private static readonly List<(CellContext Cell, string Id)> Unclaimed = [];

    private static void OnDisplayed(Interactive.DisplayedValue displayed)
    {
        if (CellContext.Current is not { } cell) return;
        var bundle = Bundle(displayed);
        string? id;
        lock (Unclaimed)
        {
            Unclaimed.RemoveAll(u => u.Cell != cell);   // a new cell: earlier cells' displays are out of reach
            if (!Ids.TryGetValue(displayed, out id) && displayed.IsUpdated && Unclaimed.Count > 0)
            {
                id = Unclaimed[^1].Id;
                Unclaimed.RemoveAt(Unclaimed.Count - 1);
                Ids.AddOrUpdate(displayed, id);
            }
            if (id is not null)
            {
                cell.UpdateDisplay(bundle, id);
                return;
            }
            id = "display-" + Guid.NewGuid().ToString("N");
            Ids.AddOrUpdate(displayed, id);
            Unclaimed.Add((cell, id));
        }
        cell.Display(bundle, id);
    }

    private static MimeBundle Bundle(Interactive.DisplayedValue displayed)
    {
        var formatted = displayed.FormattedValues.Where(f => !f.SuppressDisplay).ToList();
        if (displayed.Value is string && formatted.Any(f => f.MimeType != MimeBundle.TextPlain))
        {
            var raw = new MimeBundle();
            foreach (var f in formatted) raw.Add(f.MimeType, f.Value);
            return raw;
        }
        var ours = Formatter.ToMimeBundle(displayed.Value);
        if (ours.Keys.Any(k => k != MimeBundle.TextPlain) || formatted.Count == 0) return ours;
        // Only plain text from us (e.g. DisplayTable's tabular resource): keep .NET Interactive's richer rendering.
        var theirs = new MimeBundle();
        foreach (var f in formatted) theirs.Add(f.MimeType, f.Value);
        if (!theirs.ContainsKey(MimeBundle.TextPlain)) theirs.Add(MimeBundle.TextPlain, ours[MimeBundle.TextPlain]);
        return theirs;
    }
}
