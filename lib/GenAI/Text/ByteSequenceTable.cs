using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace GenAI.Text;

/// <summary>
/// Token bytes ⇄ token id: a vocabulary of byte sequences stored in one array, with an open-addressing
/// hash index so a rank can be looked up for any span of a piece without allocating (the hot operation
/// of byte-pair encoding).
/// </summary>
internal sealed class ByteSequenceTable
{
    private readonly byte[] _bytes;      // all sequences back to back
    private readonly int[] _offsets;     // per id: start in _bytes (ids without bytes: -1)
    private readonly int[] _lengths;     // per id: length
    private readonly int[] _slots;       // hash index: id + 1, 0 = empty
    private readonly int _mask;

    /// <summary>Builds the table; <paramref name="sequences"/>[id] is the byte sequence of token id (null for a gap).</summary>
    public ByteSequenceTable(IReadOnlyList<byte[]?> sequences)
    {
        int total = 0;
        foreach (var sequence in sequences) total += sequence?.Length ?? 0;
        _bytes = new byte[total];
        _offsets = new int[sequences.Count];
        _lengths = new int[sequences.Count];
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, sequences.Count * 2));
        _slots = new int[capacity];
        _mask = capacity - 1;
        int offset = 0;
        for (int id = 0; id < sequences.Count; id++)
        {
            var sequence = sequences[id];
            if (sequence is null)
            {
                _offsets[id] = -1;
                continue;
            }
            sequence.CopyTo(_bytes, offset);
            _offsets[id] = offset;
            _lengths[id] = sequence.Length;
            offset += sequence.Length;
            if (Find(sequence) >= 0)
                throw new InvalidDataException($"Die Bytefolge von Token {id} kommt im Vokabular doppelt vor.");
            int slot = (int)Hash(sequence) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = id + 1;
        }
    }

    /// <summary>Number of ids (including gaps).</summary>
    public int Count => _offsets.Length;

    /// <summary>Whether <paramref name="id"/> has a byte sequence.</summary>
    public bool Contains(int id) => (uint)id < (uint)_offsets.Length && _offsets[id] >= 0;

    /// <summary>The bytes of token <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> this[int id] => _bytes.AsSpan(_offsets[id], _lengths[id]);

    /// <summary>The id whose bytes equal <paramref name="sequence"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> sequence)
    {
        int slot = (int)Hash(sequence) & _mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0) return -1;
            int id = entry - 1;
            if (_lengths[id] == sequence.Length && _bytes.AsSpan(_offsets[id], sequence.Length).SequenceEqual(sequence)) return id;
            slot = (slot + 1) & _mask;
        }
    }

    // A multiply-rotate hash over 8-byte words (in the style of wyhash/FxHash): fast for the short spans BPE asks about.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<byte> s)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        ulong h = (ulong)s.Length * K;
        while (s.Length >= 8)
        {
            h = (BitOperations.RotateLeft(h, 5) ^ BinaryPrimitives.ReadUInt64LittleEndian(s)) * K;
            s = s[8..];
        }
        if (s.Length > 0)
        {
            ulong tail = 0;
            for (int i = 0; i < s.Length; i++) tail |= (ulong)s[i] << (8 * i);
            h = (BitOperations.RotateLeft(h, 5) ^ tail) * K;
        }
        return h ^ (h >> 29);
    }
}
