namespace GenAI.Tests.Notebooks;

/// <summary>Locations in the repository the tests run in.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "GenAI.Tests", "Notebooks", "fixtures");

    public static string LibraryDll => Path.Combine(Root, "artifacts", "bin", "GenAI", "lib", "GenAI.dll");

    private static string FindRoot() => CourseRepository.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"{CourseRepository.Marker} not found above {AppContext.BaseDirectory}");
}
