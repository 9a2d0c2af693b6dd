// Marks one symbol-version requirement of an ELF shared object as weak (VER_FLG_WEAK), so glibc's
// loader accepts the library on a system whose libstdc++ lacks that version.
//
// Why: TorchSharp 0.107's libLibTorchSharp.so names GLIBCXX_3.4.32 (GCC 13's libstdc++) only for the
// anchor symbol _ZSt21ios_base_library_initv, which no relocation uses. Debian 12 and Ubuntu 22.04 ship
// GCC 12's libstdc++ (up to GLIBCXX_3.4.30), and glibc refuses a missing *non-weak* version
// requirement before resolving any symbol. A weak requirement is only reported in LD_DEBUG output.
//
// The same file is compiled twice: by MSBuild's RoslynCodeTaskFactory as the task
// `MarkElfVersionWeak` (see TorchSharp.targets), and by the test project (GENAI_ELF_TESTS) to test
// the byte-level logic in ElfVersionNeeds without MSBuild.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace GenAI.Build
{
    /// <summary>Reads and edits the version tables (.gnu.version_r, .gnu.version_d) of a 64-bit little-endian ELF file.</summary>
    public static class ElfVersionNeeds
    {
        const uint ShtGnuVerdef = 0x6ffffffd;
        const uint ShtGnuVerneed = 0x6ffffffe;
        const ushort VerFlgWeak = 0x2;

        /// <summary>Version names this file requires from other libraries, with their flags.</summary>
        public static List<(string File, string Version, ushort Flags)> Needed(byte[] elf)
        {
            var list = new List<(string, string, ushort)>();
            foreach (var entry in WalkNeeds(elf))
                list.Add((entry.File, entry.Version, ReadU16(elf, entry.FlagsOffset)));
            return list;
        }

        /// <summary>Version names this file defines (for libstdc++: GLIBCXX_3.4 … GLIBCXX_3.4.N).</summary>
        public static List<string> Defined(byte[] elf)
        {
            var list = new List<string>();
            foreach (var section in Sections(elf))
            {
                if (section.Type != ShtGnuVerdef) continue;
                var strings = SectionAt(elf, section.Link);
                long offset = section.Offset;
                while (true)
                {
                    // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32
                    var auxOffset = offset + ReadU32(elf, offset + 12);
                    // Elf64_Verdaux: vda_name u32, vda_next u32 — the first aux names the version itself.
                    list.Add(ReadString(elf, strings.Offset + ReadU32(elf, auxOffset)));
                    var next = ReadU32(elf, offset + 16);
                    if (next == 0) break;
                    offset += next;
                }
            }
            return list;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on every requirement of <paramref name="version"/>.
        /// Returns how many entries changed (0 when already weak or not required: idempotent).
        /// </summary>
        public static int MarkWeak(byte[] elf, string version)
        {
            var changed = 0;
            foreach (var entry in WalkNeeds(elf))
            {
                if (entry.Version != version) continue;
                var flags = ReadU16(elf, entry.FlagsOffset);
                if ((flags & VerFlgWeak) != 0) continue;
                WriteU16(elf, entry.FlagsOffset, (ushort)(flags | VerFlgWeak));
                changed++;
            }
            return changed;
        }

        /// <summary>
        /// Patches <paramref name="path"/> in place through a temporary file and a rename, so a hard link
        /// (e.g. into the NuGet cache) is replaced by a private copy and never written through.
        /// </summary>
        public static int MarkWeakInFile(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            var changed = MarkWeak(bytes, version);
            if (changed == 0) return 0;
            var temp = path + ".weak-" + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.WriteAllBytes(temp, bytes);
                File.Replace(temp, path, null); // rename(2) on Unix: atomic, breaks a hard link
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            return changed;
        }

        struct Section { public uint Type; public long Offset; public long Size; public uint Link; }
        struct NeedEntry { public string File; public string Version; public long FlagsOffset; }

        static IEnumerable<NeedEntry> WalkNeeds(byte[] elf)
        {
            foreach (var section in Sections(elf))
            {
                if (section.Type != ShtGnuVerneed) continue;
                var strings = SectionAt(elf, section.Link);
                long offset = section.Offset;
                while (true)
                {
                    // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
                    var count = ReadU16(elf, offset + 2);
                    var file = ReadString(elf, strings.Offset + ReadU32(elf, offset + 4));
                    var aux = offset + ReadU32(elf, offset + 8);
                    for (var i = 0; i < count; i++)
                    {
                        // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                        yield return new NeedEntry
                        {
                            File = file,
                            Version = ReadString(elf, strings.Offset + ReadU32(elf, aux + 8)),
                            FlagsOffset = aux + 4,
                        };
                        aux += ReadU32(elf, aux + 12);
                    }
                    var next = ReadU32(elf, offset + 12);
                    if (next == 0) break;
                    offset += next;
                }
            }
        }

        static List<Section> Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
            long shoff = (long)ReadU64(elf, 0x28);
            int shentsize = ReadU16(elf, 0x3A), shnum = ReadU16(elf, 0x3C);
            var sections = new List<Section>(shnum);
            for (var i = 0; i < shnum; i++)
            {
                long h = shoff + (long)i * shentsize;
                // Elf64_Shdr: name u32, type u32, flags u64, addr u64, offset u64, size u64, link u32, …
                sections.Add(new Section
                {
                    Type = ReadU32(elf, h + 4),
                    Offset = (long)ReadU64(elf, h + 24),
                    Size = (long)ReadU64(elf, h + 32),
                    Link = ReadU32(elf, h + 40),
                });
            }
            return sections;
        }

        static Section SectionAt(byte[] elf, uint index) => Sections(elf)[checked((int)index)];
        // Byte-wise little-endian access: RoslynCodeTaskFactory compiles against netstandard2.0 (no spans).
        static ushort ReadU16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);
        static uint ReadU32(byte[] b, long at) => (uint)ReadU16(b, at) | (uint)ReadU16(b, at + 2) << 16;
        static ulong ReadU64(byte[] b, long at) => ReadU32(b, at) | (ulong)ReadU32(b, at + 4) << 32;
        static void WriteU16(byte[] b, long at, ushort value) { b[at] = (byte)value; b[at + 1] = (byte)(value >> 8); }

        static string ReadString(byte[] b, long at)
        {
            var start = checked((int)at);
            var end = Array.IndexOf(b, (byte)0, start);
            return Encoding.ASCII.GetString(b, start, end - start);
        }
    }

#if !GENAI_ELF_TESTS
    /// <summary>
    /// MSBuild task: for each library that requires <see cref="Version"/>, marks the requirement weak when
    /// the host's libstdc++ does not define it. Runs on the copies in a build's output, never on the NuGet cache.
    /// </summary>
    public class MarkElfVersionWeak : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
        [Microsoft.Build.Framework.Required] public string Version { get; set; } = "";

        static readonly string[] LibStdCxxCandidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };

        public override bool Execute()
        {
            var host = Array.Find(LibStdCxxCandidates, File.Exists);
            if (host != null && ElfVersionNeeds.Defined(File.ReadAllBytes(host)).Contains(Version))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, $"{host} defines {Version}; natives left as they are");
                return true;
            }
            foreach (var item in Files)
            {
                var path = item.ItemSpec;
                if (!File.Exists(path)) continue;
                var changed = ElfVersionNeeds.MarkWeakInFile(path, Version);
                if (changed > 0)
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
                        $"{path}: {Version} marked weak (the host's libstdc++ lacks it; see build/ElfVersionNeeds.cs)");
            }
            return true;
        }
    }
#endif
}
