using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace GenAI.Display;

/// <summary>
/// Registers the library's built-in formatters when the GenAI assembly loads, so a notebook that only
/// writes <c>#r "…/GenAI.dll"</c> gets tables without calling anything.
/// </summary>
internal static class DisplayRegistration
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Registration must happen without user code; it only adds a formatter and touches no I/O.")]
    internal static void RegisterBuiltInFormatters()
    {
        Formatter.Register(TableFormatter.TryFormat);
        Formatter.Register(ModuleRepr.TryFormat);
        InteractiveFormatting.RegisterIfHosted();
    }
}
