namespace GenAI.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss combines per-element values.</summary>
        public enum Reduction { None = 0, Mean = 1, Sum = 2 }

        /// <summary>Stateless versions of the layers (TorchSharp: <c>torch.nn.functional</c>).</summary>
        public static partial class functional
        {
            /// <summary>y = x·Wᵀ + b for x [*, in], W [out, in], b [out] (one fused op with its own backward).</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) => LinearOp.Forward(input, weight, bias);

            public static Tensor relu(Tensor x, bool inplace = false) => x.relu();
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false) => input.leaky_relu(negative_slope);
            public static Tensor gelu(Tensor x) => x.gelu();
            public static Tensor gelu(Tensor x, Modules.GELU.Approximate approximate, bool inplace = false) => x.gelu(approximate == Modules.GELU.Approximate.tanh ? "tanh" : "none");
            public static Tensor sigmoid(Tensor x) => x.sigmoid();
            public static Tensor tanh(Tensor x, bool inplace = false) => x.tanh();
            public static Tensor silu(Tensor x) => x.mul(x.sigmoid());
            public static Tensor softplus(Tensor x) => x.softplus();
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim);
            public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);

            /// <summary>Zeroes elements with probability p and scales survivors by 1/(1−p) when training.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout: p muss in [0, 1] liegen, ist {p}.");
                if (!training || p == 0) return input;
                if (p == 1) return input.mul(0);
                var mask = Tensor.Empty(input.sh);
                var m = mask.Span;
                var g = default_generator;
                float keep = (float)(1 - p), scale = 1 / keep;
                for (int i = 0; i < m.Length; i++) m[i] = g.NextFloat() < keep ? scale : 0;
                return input.mul(mask);
            }

            /// <summary>One-hot encoding of int64 ids: [*] → [*, num_classes] (int64, as in PyTorch).</summary>
            public static Tensor one_hot(Tensor x, long num_classes = -1)
            {
                var ids = x.contiguous().LongSpan.ToArray();
                long c = num_classes >= 0 ? num_classes : (ids.Length == 0 ? 0 : ids.Max() + 1);
                var r = Tensor.EmptyLong([.. x.sh, (int)c]);
                var d = r.LongSpan;
                for (int i = 0; i < ids.Length; i++)
                {
                    if (ids[i] < 0 || ids[i] >= c) throw new ArgumentException($"one_hot: Klasse {ids[i]} liegt nicht in [0, {c}).");
                    d[i * (int)c + (int)ids[i]] = 1;
                }
                return r;
            }

            /// <summary>(x − mean) / √(var + eps) over the last dims, then ·weight + bias (Ba et al. 2016).</summary>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-05)
            {
                int k = normalized_shape.Length;
                if (input.dim() < k || !input.shape[^k..].SequenceEqual(normalized_shape))
                    throw new ArgumentException($"layer_norm: die letzten Dimensionen der Eingabe [{string.Join(", ", input.shape)}] müssen [{string.Join(", ", normalized_shape)}] sein.");
                var dims = Enumerable.Range((int)input.dim() - k, k).Select(d => (long)d).ToArray();
                var mean = input.mean(dims, keepdim: true);
                var centered = input.sub(mean);
                var variance = centered.mul(centered).mean(dims, keepdim: true);
                var y = centered.mul(variance.add(eps).rsqrt());
                if (weight is not null) y = y.mul(weight);
                if (bias is not null) y = y.add(bias);
                return y;
            }

            /// <summary>
            /// Batch norm over every dim but 1. In training, normalises by the batch's biased variance and
            /// moves running stats by momentum (using the unbiased variance); otherwise uses the running stats.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5, Tensor? num_batches_tracked = null)
            {
                var dims = Enumerable.Range(0, (int)input.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
                var statShape = Enumerable.Range(0, (int)input.dim()).Select(d => d == 1 ? input.size(1) : 1L).ToArray();
                Tensor y;
                if (training)
                {
                    long n = input.numel() / input.size(1);
                    if (n <= 1) throw new ArgumentException($"batch_norm braucht im Training mehr als einen Wert pro Kanal (Eingabe [{string.Join(", ", input.shape)}]).");
                    var mean = input.mean(dims, keepdim: true);
                    var centered = input.sub(mean);
                    var variance = centered.mul(centered).mean(dims, keepdim: true);
                    y = centered.mul(variance.add(eps).rsqrt());
                    if (running_mean is not null && running_var is not null)
                        using (no_grad())
                        {
                            running_mean.mul_(1 - momentum).add_(mean.detach().reshape(-1).mul(momentum));
                            running_var.mul_(1 - momentum).add_(variance.detach().reshape(-1).mul(momentum * n / (n - 1.0)));
                            num_batches_tracked?.add_(1);
                        }
                }
                else
                {
                    if (running_mean is null || running_var is null)
                        throw new InvalidOperationException("batch_norm im Eval-Modus braucht running_mean und running_var.");
                    y = input.sub(running_mean.reshape(statShape)).mul(running_var.reshape(statShape).add(eps).rsqrt());
                }
                if (weight is not null) y = y.mul(weight.reshape(statShape));
                if (bias is not null) y = y.add(bias.reshape(statShape));
                return y;
            }
        }
    }
}
