namespace GenAI.Text;

/// <summary>Collects sentences (as unit strings) or weighted transitions and builds the compact chain.</summary>
internal sealed class MarkovBuilder(int order)
{
    private readonly List<string> _vocabulary = ["", ""];   // MarkovChain.Begin, MarkovChain.End
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly StateIndex _states = new(order);
    private readonly Dictionary<long, double> _votes = new(PairKeyComparer.Instance);  // (state number, next id) → votes
    private readonly List<int[]> _sentences = [];

    public int Id(string unit)
    {
        if (!_ids.TryGetValue(unit, out int id))
        {
            id = _vocabulary.Count;
            _vocabulary.Add(unit);
            _ids[unit] = id;
        }
        return id;
    }

    /// <summary>Adds one sentence: every state of <c>order</c> units (padded with sentence-start markers) votes for what follows it.</summary>
    public void AddSentence(IReadOnlyList<string> units, double weight = 1)
    {
        if (units.Count == 0) return;
        var ids = new int[units.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = Id(units[i]);
        AddSentenceIds(ids, weight);
    }

    public void AddSentenceIds(int[] ids, double weight = 1, bool countTransitions = true)
    {
        _sentences.Add(ids);
        if (!countTransitions) return;
        // padded = [Begin × order] ids [End]
        Span<int> state = order <= 16 ? stackalloc int[order] : new int[order];
        state.Fill(MarkovChain.Begin);
        for (int t = 0; t <= ids.Length; t++)
        {
            int next = t < ids.Length ? ids[t] : MarkovChain.End;
            AddVote(state, next, weight);
            if (order > 1) state[1..].CopyTo(state);
            state[^1] = next;
        }
    }

    public void AddVote(ReadOnlySpan<int> state, int next, double weight)
    {
        long key = ((long)_states.Add(state) << 32) | (uint)next;
        _votes[key] = _votes.GetValueOrDefault(key) + weight;
    }

    private readonly record struct Entry(int State, double Votes, int Next) : IComparable<Entry>
    {
        public int CompareTo(Entry other) =>
            State != other.State ? State.CompareTo(other.State)
            : Votes != other.Votes ? other.Votes.CompareTo(Votes)
            : Next.CompareTo(other.Next);
    }

    public delegate T Factory<T>(int order, string[] vocabulary, StateIndex states, int[] next, double[] weights, int[][] sentences);

    /// <summary>Sorts the votes into one range per state, most votes first (ties: earlier-seen unit first).</summary>
    public T Build<T>(Factory<T> factory)
    {
        // One sort orders every transition by (state, most votes first, earlier-seen unit first).
        var entries = new Entry[_votes.Count];
        int n = 0;
        foreach (var (key, votes) in _votes) entries[n++] = new Entry((int)(key >> 32), votes, (int)(uint)key);
        Array.Sort(entries);
        var next = new int[n];
        var weights = new double[n];
        var offsets = new int[_states.Count + 1];
        for (int i = 0; i < n; i++)
        {
            next[i] = entries[i].Next;
            weights[i] = entries[i].Votes;
            offsets[entries[i].State + 1]++;
        }
        for (int s = 0; s < _states.Count; s++) offsets[s + 1] += offsets[s];
        _states.SetRanges(offsets);
        return factory(_states.Order, [.. _vocabulary], _states, next, weights, [.. _sentences]);
    }
}
