using static GenAI.Torch.torch;

namespace GenAI.Torch.Modules;

/// <summary>Runs its modules one after another; children are named "0", "1", … unless names are given.</summary>
public sealed class Sequential : nn.Module<Tensor, Tensor>
{
    private readonly List<(string name, nn.Module<Tensor, Tensor> module)> layers = [];

    internal Sequential(IEnumerable<(string name, nn.Module<Tensor, Tensor> submodule)> modules) : base(nameof(Sequential))
    {
        foreach (var (n, m) in modules) append(n, m);
    }

    public Sequential append(nn.Module<Tensor, Tensor> module) => append(layers.Count.ToString(), module);

    public Sequential append(string name, nn.Module<Tensor, Tensor> module)
    {
        layers.Add((name, module));
        register_module(name, module);
        return this;
    }

    public override Tensor forward(Tensor tensor)
    {
        var x = tensor;
        foreach (var (_, m) in layers) x = m.forward(x);
        return x;
    }

    public int Count => layers.Count;

    public nn.Module<Tensor, Tensor> this[int index] => layers[index].module;
}
