using System.Reflection;
using System.Runtime.Loader;

namespace GenAI.Plotting;

/// <summary>
/// Plotly.NET 6.0.0 is built against FSharp.Core 10.1; the official .NET Interactive kernel (1.0.712001) already runs
/// FSharp.Core 10.0 in its default load context and cannot load a second one there, so without help every chart fails
/// there with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'". When the runtime cannot find the
/// asked version, this hands it the FSharp.Core the host already loaded (the runtime accepts any assembly of the asked
/// name from this event). Measured: Plotly.NET's charts, grids and JSON work on that kernel with it. Our own engine and
/// tools ship FSharp.Core 10.1 themselves and never reach this event.
/// </summary>
internal static class FSharpCoreBinding
{
    private const string FSharpCore = "FSharp.Core";
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += Resolve;
        // A host that loads this library into a context of its own (a notebook's #r) asks that context first.
        var own = AssemblyLoadContext.GetLoadContext(typeof(FSharpCoreBinding).Assembly);
        if (own is not null && own != AssemblyLoadContext.Default) own.Resolving += Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == FSharpCore
            ? AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => a.GetName().Name == FSharpCore)
                .OrderByDescending(a => AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default)
                .ThenByDescending(a => a.GetName().Version)
                .FirstOrDefault()
            : null;
}
