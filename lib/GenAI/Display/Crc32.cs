namespace GenAI.Display;

/// <summary>
/// CRC-32 as PNG uses it (ISO 3309 / ITU-T V.42 polynomial, reflected, 0xEDB88320), see
/// PNG specification §5.5 "CRC algorithm". Own table because System.IO.Hashing is not in the
/// package registry this course builds from; the whole algorithm is twenty lines.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>Continues a running CRC (start with <c>0xFFFFFFFF</c>, finish by inverting the bits).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    /// <summary>CRC-32 of <paramref name="data"/>; <c>Compute("123456789"u8)</c> is <c>0xCBF43926</c>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Update(0xFFFFFFFFu, data) ^ 0xFFFFFFFFu;
}
