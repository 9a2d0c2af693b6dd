using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// The keys and values one attention layer has already computed while generating, so each new token
/// costs one query against the cached keys instead of recomputing the whole prefix. Shapes are
/// [batch, heads, positions, head size]. The cache owns its tensors: they outlive the dispose scope of
/// the step that made them and are freed by <see cref="Clear"/> or <see cref="Dispose"/>.
/// </summary>
public sealed class KeyValueCache : IDisposable
{
    private Tensor? _keys;
    private Tensor? _values;

    /// <summary>Cached keys [batch, heads, positions, head size], or null while empty.</summary>
    public Tensor? Keys => _keys;

    /// <summary>Cached values [batch, heads, positions, head size], or null while empty.</summary>
    public Tensor? Values => _values;

    /// <summary>How many positions are cached (the absolute position of the next token).</summary>
    public long Length => _keys?.shape[2] ?? 0;

    /// <summary>
    /// Appends the new positions' keys and values (same layout) and returns everything cached so far,
    /// [batch, heads, Length, head size] each. The returned tensors belong to the cache.
    /// </summary>
    public (Tensor Keys, Tensor Values) Append(Tensor keys, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.dim() != 4 || !keys.shape.SequenceEqual(values.shape))
            throw new ArgumentException(
                "Keys und Values brauchen dieselbe Form [Batch, Köpfe, Positionen, Kopfgröße]; "
                + $"bekommen: {ScaledDotProductAttention.Shape(keys)} und {ScaledDotProductAttention.Shape(values)}.");
        if (_keys is not null && (_keys.shape[0] != keys.shape[0] || _keys.shape[1] != keys.shape[1] || _keys.shape[3] != keys.shape[3]))
            throw new ArgumentException(
                $"Der Cache hält {ScaledDotProductAttention.Shape(_keys)}; neue Keys {ScaledDotProductAttention.Shape(keys)} passen nicht dazu "
                + "(Batch, Köpfe und Kopfgröße müssen gleich bleiben). Leere ihn mit Clear() für eine neue Folge.");
        var k = _keys is null ? keys.detach().clone() : torch.cat([_keys, keys.detach()], 2);     // [B, H, S + T, hd]
        var v = _values is null ? values.detach().clone() : torch.cat([_values, values.detach()], 2);
        Clear();
        _keys = k.DetachFromDisposeScope();
        _values = v.DetachFromDisposeScope();
        return (_keys, _values);
    }

    /// <summary>Forgets every cached position (and frees the tensors).</summary>
    public void Clear()
    {
        _keys?.Dispose();
        _values?.Dispose();
        _keys = _values = null;
    }

    /// <inheritdoc/>
    public void Dispose() => Clear();
}
