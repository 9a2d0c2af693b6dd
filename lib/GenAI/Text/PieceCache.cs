using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace GenAI.Text;

/// <summary>
/// Remembers the token ids of recently merged pieces. Natural text repeats its words, so most pieces that are
/// not a single token come back again and again; a hit costs one hash and one compare instead of the
/// quadratic merge loop. Fixed memory: when full it simply starts over. Not thread-safe (one per thread).
/// </summary>
internal sealed class PieceCache
{
    public const int MaxPieceLength = 48;
    private const int SlotBits = 15;
    private const int ArenaBytes = 1 << 20;

    private readonly int[] _slots = new int[1 << SlotBits]; // entry index + 1
    private readonly int[] _keyStart = new int[1 << (SlotBits - 1)];
    private readonly byte[] _keyLength = new byte[1 << (SlotBits - 1)];
    private readonly int[] _idStart = new int[1 << (SlotBits - 1)];
    private readonly byte[] _idCount = new byte[1 << (SlotBits - 1)];
    private readonly byte[] _keys = new byte[ArenaBytes];
    private readonly int[] _ids = new int[ArenaBytes / 2];
    private int _entries, _keyUsed, _idUsed;

    /// <summary>The cached ids of <paramref name="piece"/>, or an empty span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Find(ReadOnlySpan<byte> piece)
    {
        int mask = _slots.Length - 1;
        for (int slot = Hash(piece) & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _slots[slot] - 1;
            if (entry < 0) return default;
            if (_keyLength[entry] == piece.Length && _keys.AsSpan(_keyStart[entry], piece.Length).SequenceEqual(piece))
                return _ids.AsSpan(_idStart[entry], _idCount[entry]);
        }
    }

    /// <summary>Stores the ids of a piece (at most <see cref="MaxPieceLength"/> bytes).</summary>
    public void Add(ReadOnlySpan<byte> piece, ReadOnlySpan<int> ids)
    {
        if (_entries >= _keyStart.Length || _keyUsed + piece.Length > _keys.Length || _idUsed + ids.Length > _ids.Length)
        {
            Array.Clear(_slots);
            _entries = _keyUsed = _idUsed = 0;
        }
        int entry = _entries++;
        piece.CopyTo(_keys.AsSpan(_keyUsed));
        ids.CopyTo(_ids.AsSpan(_idUsed));
        (_keyStart[entry], _keyLength[entry], _idStart[entry], _idCount[entry]) = (_keyUsed, (byte)piece.Length, _idUsed, (byte)ids.Length);
        _keyUsed += piece.Length;
        _idUsed += ids.Length;
        int mask = _slots.Length - 1;
        int slot = Hash(piece) & mask;
        while (_slots[slot] != 0) slot = (slot + 1) & mask;
        _slots[slot] = entry + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> s)
    {
        ulong h = (ulong)s.Length * 0x9E3779B97F4A7C15;
        while (s.Length >= 8)
        {
            h = (BitOperations.RotateLeft(h, 23) ^ BinaryPrimitives.ReadUInt64LittleEndian(s)) * 0x9E3779B97F4A7C15;
            s = s[8..];
        }
        ulong tail = 0;
        for (int i = 0; i < s.Length; i++) tail |= (ulong)s[i] << (8 * i);
        h = (BitOperations.RotateLeft(h, 23) ^ tail) * 0x9E3779B97F4A7C15;
        return (int)(h >> 40);
    }
}
