namespace GenAI.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            private static Tensor Reduce(Tensor loss, Reduction reduction) => reduction switch
            {
                Reduction.None => loss,
                Reduction.Sum => loss.sum(),
                _ => loss.mean(),
            };

            private static void SameShape(Tensor input, Tensor target, string name)
            {
                if (!input.shape.SequenceEqual(target.shape))
                    throw new ArgumentException($"{name}: input [{string.Join(", ", input.shape)}] und target [{string.Join(", ", target.shape)}] müssen dieselbe Form haben.");
            }

            /// <summary>(input − target)², reduced.</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                SameShape(input, target, "mse_loss");
                var d = input.sub(target);
                return Reduce(d.mul(d), reduction);
            }

            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                SameShape(input, target, "l1_loss");
                return Reduce(input.sub(target).abs(), reduction);
            }

            /// <summary>
            /// −w·(y·log x + (1−y)·log(1−x)) for probabilities x, with each log clamped at −100 as PyTorch does.
            /// Backward: w·(x − y) / max(x·(1−x), 1e-12).
            /// </summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
            {
                SameShape(input, target, "binary_cross_entropy");
                var loss = LossKernels.BinaryCrossEntropy(input, target, weight, reduction);
                return loss;
            }

            /// <summary>
            /// BCE on logits z, stable form: (1−y)·z + (1 + (pw−1)·y)·(log(1+e^(−|z|)) + max(−z, 0)).
            /// Backward without pos_weight: w·(σ(z) − y).
            /// </summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
            {
                SameShape(input, target, "binary_cross_entropy_with_logits");
                if (pos_weights is null) return LossKernels.BceWithLogits(input, target, weight, reduction);
                var logSig = input.neg().abs().neg().exp().log1p().add(input.neg().clamp_min(0)); // log(1+e^(−z)) = −log σ(z)
                var coef = pos_weights.sub(1).mul(target).add(1);
                var loss = target.neg().add(1).mul(input).add(coef.mul(logSig));
                if (weight is not null) loss = loss.mul(weight);
                return Reduce(loss, reduction);
            }

            /// <summary>
            /// −w[t]·input[i, t] over log-probabilities input [N, C] (or [N, C, d…]) and class ids target [N] (or [N, d…]);
            /// Mean divides by Σ w[t] over the non-ignored targets.
            /// </summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100)
            {
                if (target.dtype == ScalarType.Float32)
                    throw new ArgumentException("nll_loss: target muss Klassen-Indizes als int64 enthalten (z. B. labels.to_type(torch.int64)).");
                var (logp, t, outShape) = FlattenClasses(input, target, "nll_loss");
                long c = logp.size(1);
                var ids = t.contiguous().LongSpan.ToArray();
                var wv = weight?.contiguous().ToArray<float>();
                var w = new float[ids.Length];
                var safe = new long[ids.Length];
                for (int i = 0; i < ids.Length; i++)
                {
                    if (ids[i] == ignore_index) continue;
                    if (ids[i] < 0 || ids[i] >= c) throw new ArgumentException($"nll_loss: Klasse {ids[i]} liegt nicht in [0, {c}).");
                    safe[i] = ids[i];
                    w[i] = wv is null ? 1 : wv[ids[i]];
                }
                var picked = logp.gather(1, tensor(safe, [ids.Length, 1])).reshape(-1);
                var wt = tensor(w);
                var loss = picked.mul(wt).neg();
                return reduction switch
                {
                    Reduction.None => loss.reshape(outShape),
                    Reduction.Sum => loss.sum(),
                    _ => loss.sum().div(w.Sum()),
                };
            }

            /// <summary>log_softmax over dim 1, then <see cref="nll_loss"/>; also accepts class probabilities as target.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                var logp = input.log_softmax(1);
                if (target.dtype == ScalarType.Float32)
                {
                    // Soft targets: −Σ_c w_c·y_c·log p_c per sample.
                    SameShape(input, target, "cross_entropy");
                    var y = label_smoothing > 0 ? target.mul(1 - label_smoothing).add(label_smoothing / input.size(1)) : target;
                    var prod = logp.mul(y);
                    if (weight is not null) prod = prod.mul(weight.reshape([1, -1, .. Enumerable.Repeat(1L, (int)input.dim() - 2)]));
                    var per = prod.sum(1).neg();
                    return Reduce(per, reduction);
                }
                var nll = nll_loss(logp, target, weight, reduction, ignore_index);
                if (label_smoothing <= 0) return nll;
                if (weight is not null) throw new NotSupportedException("cross_entropy: label_smoothing zusammen mit weight wird nicht unterstützt.");
                // (1−ε)·nll + ε·mean_c(−log p_c), averaged over the non-ignored targets.
                var (lp, t, outShape) = FlattenClasses(logp, target, "cross_entropy");
                var valid = t.ne(ignore_index).to_type(ScalarType.Float32);
                var smooth = lp.mean(1).neg().mul(valid);
                var s = reduction switch
                {
                    Reduction.None => smooth.reshape(outShape),
                    Reduction.Sum => smooth.sum(),
                    _ => smooth.sum().div(valid.sum()),
                };
                return nll.mul(1 - label_smoothing).add(s.mul(label_smoothing));
            }

            /// <summary>[N, C, d…] → [N·d…, C] with targets [N·d…]; returns the target shape for Reduction.None.</summary>
            private static (Tensor input, Tensor target, long[] shape) FlattenClasses(Tensor input, Tensor target, string name)
            {
                if (input.dim() == 1) return (input.unsqueeze(0), target.reshape(1), []);
                if (input.dim() == 2)
                {
                    if (target.dim() != 1 || target.size(0) != input.size(0))
                        throw new ArgumentException($"{name}: input [{string.Join(", ", input.shape)}] braucht target [{input.size(0)}], bekam [{string.Join(", ", target.shape)}].");
                    return (input, target, target.shape);
                }
                long c = input.size(1);
                var perm = new long[input.dim()];
                perm[0] = 0;
                for (int i = 2; i < input.dim(); i++) perm[i - 1] = i;
                perm[^1] = 1;
                return (input.permute(perm).reshape(-1, c), target.reshape(-1), target.shape);
            }
        }
    }
}
