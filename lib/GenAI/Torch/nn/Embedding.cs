using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules;

/// <summary>A lookup table: int64 ids [*] → rows of weight [num_embeddings, embedding_dim] → [*, embedding_dim].</summary>
public sealed class Embedding : nn.Module<Tensor, Tensor>
{
    public Parameter weight { get; set; }
    private readonly long? paddingIdx;

    internal Embedding(long num_embeddings, long embedding_dims, long? padding_idx) : base(nameof(Embedding))
    {
        // PyTorch initialises embeddings with N(0, 1) and zeroes the padding row.
        weight = new Parameter(randn(num_embeddings, embedding_dims));
        paddingIdx = padding_idx;
        if (padding_idx is long p) using (no_grad()) weight.select(0, p < 0 ? p + num_embeddings : p).zero_();
    }

    public override Tensor forward(Tensor input)
    {
        if (input.dtype == ScalarType.Float32)
            throw new ArgumentException("Embedding erwartet int64-Indizes (z. B. torch.tensor(new long[] { 1, 2 })), keinen float32-Tensor.");
        var flat = weight.index_select(0, input.reshape(-1));
        if (paddingIdx is long p && weight.requires_grad && is_grad_enabled())
        {
            // The padding row receives no gradient: mask its positions out of the lookup's gradient path.
            var keep = input.reshape(-1).ne(p).to_type(ScalarType.Float32).unsqueeze(1);
            flat = flat.mul(keep).add(flat.detach().mul(keep.neg().add(1)));
        }
        return flat.reshape([.. input.shape, weight.size(1)]);
    }

    protected override string ExtraRepr() => $"{weight.size(0)}, {weight.size(1)}";
}
