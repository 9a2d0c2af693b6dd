using System.Runtime.InteropServices;
using GenAI.Build;
using GenAI.Tests.Notebooks;
using TorchSharp;

namespace GenAI.Tests.Build;

/// <summary>TorchSharp's natives load in this process, and the build's ELF fix is exact and idempotent.</summary>
public class TorchSharpNativesTests
{
    const string AnchorVersion = "GLIBCXX_3.4.32";

    [Test]
    public void TorchSharp_runs_in_the_test_process()
    {
        using var t = torch.ones(3).sum();
        Assert.That(t.item<float>(), Is.EqualTo(3f));
    }

    [Test]
    public void Library_output_holds_the_natives_beside_TorchSharp_dll_for_notebooks()
    {
        var lib = Path.GetDirectoryName(RepoPaths.LibraryDll)!;
        Assert.That(File.Exists(Path.Combine(lib, "TorchSharp.dll")), "TorchSharp.dll beside GenAI.dll");
        var native = NativeName("LibTorchSharp");
        Assert.That(File.Exists(Path.Combine(lib, native)), $"{native} beside TorchSharp.dll (a #r has no deps.json)");
    }

    [Test]
    public void Output_copy_is_patched_exactly_when_the_host_libstdcxx_lacks_the_anchor_version()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("the libstdc++ fix applies to Linux only");
        var host = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }.FirstOrDefault(File.Exists);
        if (host is null) Assert.Ignore("no system libstdc++.so.6 found to compare with");
        var hostHasIt = ElfVersionNeeds.Defined(File.ReadAllBytes(host)).Contains(AnchorVersion);

        var copy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var need = ElfVersionNeeds.Needed(File.ReadAllBytes(copy)).Single(n => n.Version == AnchorVersion);
        var weak = (need.Flags & 0x2) != 0;
        Assert.That(weak, Is.EqualTo(!hostHasIt), $"host {host} defines {AnchorVersion}: {hostHasIt}");
    }

    [Test]
    public void Marking_weak_touches_only_the_named_requirement_and_is_idempotent()
    {
        var original = File.ReadAllBytes(CachedNative());
        var before = ElfVersionNeeds.Needed(original);
        Assert.That(before.Single(n => n.Version == AnchorVersion).Flags & 0x2, Is.Zero, "the package ships it non-weak");

        var patched = (byte[])original.Clone();
        Assert.That(ElfVersionNeeds.MarkWeak(patched, AnchorVersion), Is.EqualTo(1));
        var after = ElfVersionNeeds.Needed(patched);
        Assert.That(after.Single(n => n.Version == AnchorVersion).Flags & 0x2, Is.EqualTo(2));
        Assert.That(after.Where(n => n.Version != AnchorVersion), Is.EqualTo(before.Where(n => n.Version != AnchorVersion)));
        Assert.That(patched.Where((b, i) => b != original[i]).Count(), Is.EqualTo(1), "one flag byte changes");

        var again = (byte[])patched.Clone();
        Assert.That(ElfVersionNeeds.MarkWeak(again, AnchorVersion), Is.Zero);
        Assert.That(again, Is.EqualTo(patched));
    }

    [Test]
    public void Patching_a_file_replaces_a_hard_link_instead_of_writing_through_it()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("hard links are checked on Linux");
        var source = CachedNative();
        var dir = Directory.CreateTempSubdirectory("genai-elf-");
        try
        {
            var cache = Path.Combine(dir.FullName, "cache.so");
            var output = Path.Combine(dir.FullName, "output.so");
            File.Copy(source, cache);
            Assert.That(link(cache, output), Is.Zero, "hard link");
            Assert.That(ElfVersionNeeds.MarkWeakInFile(output, AnchorVersion), Is.EqualTo(1));
            Assert.That(File.ReadAllBytes(cache), Is.EqualTo(File.ReadAllBytes(source)), "the linked original is untouched");
            Assert.That(ElfVersionNeeds.Needed(File.ReadAllBytes(output)).Single(n => n.Version == AnchorVersion).Flags & 2, Is.EqualTo(2));
        }
        finally { dir.Delete(recursive: true); }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int link(string oldpath, string newpath);

    static string CachedNative()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(path)) Assert.Ignore($"TorchSharp's linux-x64 native is not in the NuGet cache ({path})");
        return path;
    }

    static string NativeName(string stem) =>
        OperatingSystem.IsWindows() ? stem + ".dll" : OperatingSystem.IsMacOS() ? "lib" + stem + ".dylib" : "lib" + stem + ".so";
}
