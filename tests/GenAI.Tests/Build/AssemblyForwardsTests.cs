using System.Reflection;
using GenAI.Models;

namespace GenAI.Tests.Build;

/// <summary>
/// GenAI.dll forwards TorchSharp's and Microsoft.Data.Analysis's public types, so one <c>#r "GenAI.dll"</c> lets a
/// notebook write <c>using TorchSharp;</c> and <c>using Microsoft.Data.Analysis;</c> on our kernel and on the official
/// .NET Interactive kernel alike.
/// </summary>
public class AssemblyForwardsTests
{
    private static readonly string[] ForwardedNamespaces = ["TorchSharp", "TorchSharp.Data", "TorchSharp.Modules", "TorchSharp.Utils", "TorchSharp.PyBridge"];

    [Test]
    public void Every_public_TorchSharp_type_notebooks_use_is_forwarded()
    {
        var forwarded = typeof(Vae).Assembly.GetForwardedTypes().ToHashSet();
        var sources = new[] { typeof(TorchSharp.torch).Assembly, typeof(TorchSharp.PyBridge.PyBridgeModuleExtensions).Assembly };
        var missing = sources.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested && ForwardedNamespaces.Contains(t.Namespace) && !forwarded.Contains(t))
            .Select(t => $"[assembly: TypeForwardedTo(typeof({CSharpName(t)}))]")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(missing, Is.Empty, "add these lines to lib/GenAI/Forwards/TorchSharpForwards.cs:\n" + string.Join("\n", missing));
    }

    [Test]
    public void Every_public_DataFrame_type_is_forwarded_so_notebooks_can_build_tables()
    {
        var forwarded = typeof(Vae).Assembly.GetForwardedTypes().ToHashSet();
        var missing = typeof(Microsoft.Data.Analysis.DataFrame).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested && t.Namespace == "Microsoft.Data.Analysis" && !forwarded.Contains(t))
            .Select(t => $"[assembly: TypeForwardedTo(typeof({CSharpName(t)}))]")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(missing, Is.Empty, "add these lines to lib/GenAI/Forwards/DataFrameForwards.cs:\n" + string.Join("\n", missing));
    }

    private static string CSharpName(Type t) => t.IsGenericTypeDefinition
        ? $"{t.Namespace}.{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{new string(',', t.GetGenericArguments().Length - 1)}>"
        : t.FullName!;
}
