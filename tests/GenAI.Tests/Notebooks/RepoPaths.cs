namespace GenAI.Tests.Notebooks;

/// <summary>Locations in the repository the tests run in.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "GenAI.Tests", "Notebooks", "fixtures");

    public static string LibraryDll => Path.Combine(Root, "artifacts", "bin", "GenAI", "lib", "GenAI.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenAI.slnx"))) return dir.FullName;
        throw new InvalidOperationException("GenAI.slnx not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
