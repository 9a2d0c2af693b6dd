namespace GenAI.Text;

/// <summary>
/// States (runs of <c>order</c> unit ids) ⇄ state numbers, in an open-addressing hash table over one int array,
/// so training on megabytes of text does not allocate an array per state. After building, each state number owns
/// a range of the continuation arrays.
/// </summary>
internal sealed class StateIndex(int order)
{
    private int[] _keys = new int[order * 1024];   // state s = _keys[s*order .. s*order+order)
    private int[] _slots = new int[2048];          // state number + 1; 0 = empty
    private int[] _offsets = [0];                  // after SetRanges: continuations of s are [_offsets[s], _offsets[s+1])

    public int Order { get; } = order;

    public int Count { get; private set; }

    public ReadOnlySpan<int> State(int s) => _keys.AsSpan(s * Order, Order);

    /// <summary>The number of <paramref name="state"/>, adding it if new.</summary>
    public int Add(ReadOnlySpan<int> state)
    {
        int found = Find(state);
        if (found >= 0) return found;
        if ((Count + 1) * 2 > _slots.Length) Grow();
        if ((Count + 1) * Order > _keys.Length) Array.Resize(ref _keys, _keys.Length * 2);
        state.CopyTo(_keys.AsSpan(Count * Order));
        Insert(Count);
        return Count++;
    }

    /// <summary>The number of <paramref name="state"/>, or -1.</summary>
    public int Find(ReadOnlySpan<int> state)
    {
        int mask = _slots.Length - 1;
        for (int slot = Hash(state) & mask; ; slot = (slot + 1) & mask)
        {
            int s = _slots[slot] - 1;
            if (s < 0) return -1;
            if (_keys.AsSpan(s * Order, Order).SequenceEqual(state)) return s;
        }
    }

    /// <summary>The continuation range of <paramref name="state"/>; false if unknown.</summary>
    public bool TryFind(ReadOnlySpan<int> state, out int from, out int to)
    {
        int s = Find(state);
        if (s < 0 || s + 1 >= _offsets.Length)
        {
            from = to = 0;
            return false;
        }
        from = _offsets[s];
        to = _offsets[s + 1];
        return to > from;
    }

    public void SetRanges(int[] offsets) => _offsets = offsets;

    public int[] Offsets => _offsets;

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        for (int s = 0; s < Count; s++) Insert(s);
    }

    private void Insert(int s)
    {
        int mask = _slots.Length - 1;
        int slot = Hash(_keys.AsSpan(s * Order, Order)) & mask;
        while (_slots[slot] != 0) slot = (slot + 1) & mask;
        _slots[slot] = s + 1;
    }

    private static int Hash(ReadOnlySpan<int> state)
    {
        ulong h = 0x9E3779B97F4A7C15;
        foreach (int id in state) h = (h ^ (uint)id) * 0xBF58476D1CE4E5B9 + 0x94D049BB133111EB;
        return (int)(h >> 33);
    }
}
