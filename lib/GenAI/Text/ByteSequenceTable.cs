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
    private readonly Slot[] _slots;      // hash index (open addressing, linear probing)
    private readonly int _mask;

    // One probe touches one 16-byte slot: the first 8 bytes of the sequence, its length and id (id + 1, 0 = empty).
    // Most tokens are at most 8 bytes long, so a lookup usually needs no second memory access.
    private struct Slot
    {
        public ulong Prefix;
        public int Length;
        public int IdPlusOne;
    }

    /// <summary>Builds the table; <paramref name="sequences"/>[id] is the byte sequence of token id (null for a gap).</summary>
    public ByteSequenceTable(IReadOnlyList<byte[]?> sequences)
    {
        int total = 0;
        foreach (var sequence in sequences) total += sequence?.Length ?? 0;
        _bytes = new byte[total];
        _offsets = new int[sequences.Count];
        _lengths = new int[sequences.Count];
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, sequences.Count * 2));
        _slots = new Slot[capacity];
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
            while (_slots[slot].IdPlusOne != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Prefix = Prefix(sequence), Length = sequence.Length, IdPlusOne = id + 1 };
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
        ulong prefix = Prefix(sequence);
        int slot = (int)Hash(sequence, prefix) & _mask;
        while (true)
        {
            ref readonly var entry = ref _slots[slot];
            if (entry.IdPlusOne == 0) return -1;
            if (entry.Prefix == prefix && entry.Length == sequence.Length)
            {
                int id = entry.IdPlusOne - 1;
                if (sequence.Length <= 8 || _bytes.AsSpan(_offsets[id] + 8, sequence.Length - 8).SequenceEqual(sequence[8..])) return id;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The first (up to) 8 bytes as a little-endian number, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Prefix(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 8) return BinaryPrimitives.ReadUInt64LittleEndian(s);
        ulong value = 0;
        for (int i = s.Length - 1; i >= 0; i--) value = (value << 8) | s[i];
        return value;
    }

    // A multiply-rotate hash over 8-byte words (in the style of wyhash/FxHash): fast for the short spans BPE asks about.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<byte> s) => Hash(s, Prefix(s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<byte> s, ulong prefix)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        ulong h = (prefix ^ (ulong)s.Length) * K;
        if (s.Length > 8)
        {
            s = s[8..];
            while (s.Length >= 8)
            {
                h = (BitOperations.RotateLeft(h, 23) ^ BinaryPrimitives.ReadUInt64LittleEndian(s)) * K;
                s = s[8..];
            }
            h = (BitOperations.RotateLeft(h, 23) ^ Prefix(s)) * K;
        }
        return h >> 32; // the high half of a multiplicative hash mixes best
    }
}
