using System.Runtime.CompilerServices;

namespace GenAI.Text;

/// <summary>
/// Equality for pair keys packed as <c>(left &lt;&lt; 32) | right</c>. <see cref="long.GetHashCode"/> XORs the two halves,
/// so (3, 5) and (5, 3) — and every pair of small ids — collide; this comparer mixes the bits (splitmix64 finaliser).
/// </summary>
internal sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static readonly PairKeyComparer Instance = new();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(long x, long y) => x == y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetHashCode(long key)
    {
        ulong z = (ulong)key;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return (int)(z ^ (z >> 31));
    }
}
