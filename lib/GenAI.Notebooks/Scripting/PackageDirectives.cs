using System.Text.RegularExpressions;

namespace GenAI.Notebooks.Scripting;

/// <summary>One <c>#r "nuget: Name, Version"</c> line; <see cref="Version"/> is null for the newest stable version.</summary>
internal sealed record PackageRequest(string Name, string? Version, string Reference);

/// <summary>
/// The package lines of a cell, as .NET Interactive writes them: <c>#r "nuget: Name"</c>,
/// <c>#r "nuget: Name, 1.2.3"</c> (NuGet version ranges and <c>*-*</c> too) and <c>#i "nuget: SOURCE"</c> for an
/// extra package source (a URL or a local folder).
/// </summary>
internal static partial class PackageDirectives
{
    [GeneratedRegex(@"^[ \t]*#r[ \t]+""[ \t]*(?<ref>nuget:[^""]*)""[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^[ \t]*#i[ \t]+""[ \t]*nuget:[ \t]*(?<source>[^""]*?)[ \t]*""[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();

    /// <summary>The packages a cell asks for, in order.</summary>
    public static List<PackageRequest> Packages(string code)
    {
        var list = new List<PackageRequest>();
        foreach (Match m in PackageLine().Matches(code))
        {
            var reference = m.Groups["ref"].Value.Trim();
            var parts = reference["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
            list.Add(new PackageRequest(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, reference));
        }
        return list;
    }

    /// <summary>The package sources a cell adds with <c>#i "nuget: …"</c>.</summary>
    public static List<string> Sources(string code) =>
        [.. SourceLine().Matches(code).Select(m => m.Groups["source"].Value).Where(s => s.Length > 0)];

    /// <summary>
    /// The code with <c>#i "nuget: …"</c> lines blanked (same length): C# scripting has no <c>#i</c>, and the
    /// source is registered before the cell compiles.
    /// </summary>
    public static string BlankSources(string code) => SourceLine().Replace(code, m => new string(' ', m.Length));

    /// <summary>
    /// The code with <c>#r "nuget: …"</c> lines blanked (same length): Roslyn's <c>#r</c> takes exactly one file, while a
    /// package brings several assemblies; the session adds them to the script's references instead.
    /// </summary>
    public static string BlankPackages(string code) => PackageLine().Replace(code, m => new string(' ', m.Length));

    /// <summary>True when <paramref name="name"/> could be a NuGet package id (letters, digits, '.', '_', '-').</summary>
    public static bool IsValidId(string name) => name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
