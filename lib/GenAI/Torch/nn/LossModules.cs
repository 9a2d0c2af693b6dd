using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules;

public sealed class MSELoss(nn.Reduction reduction) : nn.Module<Tensor, Tensor, Tensor>(nameof(MSELoss))
{
    public override Tensor forward(Tensor input, Tensor target) => nn.functional.mse_loss(input, target, reduction);
}

public sealed class BCELoss(Tensor? weight, nn.Reduction reduction) : nn.Module<Tensor, Tensor, Tensor>(nameof(BCELoss))
{
    public override Tensor forward(Tensor input, Tensor target) => nn.functional.binary_cross_entropy(input, target, weight, reduction);
}

public sealed class BCEWithLogitsLoss(Tensor? weight, nn.Reduction reduction, Tensor? pos_weights) : nn.Module<Tensor, Tensor, Tensor>(nameof(BCEWithLogitsLoss))
{
    public override Tensor forward(Tensor input, Tensor target) => nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
}

public sealed class CrossEntropyLoss(Tensor? weight, long ignore_index, nn.Reduction reduction, double label_smoothing) : nn.Module<Tensor, Tensor, Tensor>(nameof(CrossEntropyLoss))
{
    public override Tensor forward(Tensor input, Tensor target) => nn.functional.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing);
}

public sealed class NLLLoss(Tensor? weight, nn.Reduction reduction) : nn.Module<Tensor, Tensor, Tensor>(nameof(NLLLoss))
{
    public override Tensor forward(Tensor input, Tensor target) => nn.functional.nll_loss(input, target, weight, reduction);
}
