using System.Globalization;
using System.Reflection;
using GenAI.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Display;

/// <summary>
/// Shows a TorchSharp module the way PyTorch prints one (<c>print(model)</c>): the tree of named children
/// with each layer's settings, e.g. <c>Linear(in_features=784, out_features=128, bias=True)</c>, followed in
/// HTML by the parameter count in German format. TorchSharp's own <c>ToString()</c> is only the CLR type name.
/// </summary>
public static class ModuleRepr
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Formatter hook: a bundle for modules, null for anything else.</summary>
    public static MimeBundle? TryFormat(object value)
    {
        if (value is not nn.Module module) return null;
        var text = Format(module);
        long total = 0, trainable = 0;
        foreach (var p in module.parameters())
        {
            total += p.numel();
            if (p.requires_grad) trainable += p.numel();
        }
        var count = $"Parameter: {total.ToString("N0", German)}" + (trainable == total ? "" : $" (davon trainierbar: {trainable.ToString("N0", German)})");
        return MimeBundle.PlainText(text + "\n" + count)
            .Add("text/html", $"<pre>{HtmlText.Escape(text)}</pre><p>{HtmlText.Escape(count)}</p>");
    }

    /// <summary>PyTorch's repr of <paramref name="module"/>: children indented by two spaces.</summary>
    public static string Format(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var children = module.named_children().ToList();
        // TorchSharp's ModuleList/ModuleDict keep their items outside named_children(); PyTorch lists them by index/key.
        if (children.Count == 0 && module is System.Collections.IEnumerable items)
            children = [.. items.Cast<object>().Select((item, i) => item switch
            {
                nn.Module child => (i.ToString(CultureInfo.InvariantCulture), child),
                (string key, nn.Module child) => (key, child),
                _ => default,
            }).Where(c => c.Item2 is not null)];
        var head = $"{Name(module)}({Settings(module)}";
        if (children.Count == 0) return head + ")";
        var lines = children.Select(c => $"  ({c.name}): " + Format(c.module).Replace("\n", "\n  ", StringComparison.Ordinal));
        return head + "\n" + string.Join("\n", lines) + "\n)";
    }

    // Classes declared in a notebook are nested in Roslyn's submission class ("Submission#2+Autoencoder").
    private static string Name(nn.Module module) => module.GetType().Name is var n && n.IndexOf('`') is int tick and > 0 ? n[..tick] : module.GetType().Name;

    /// <summary>PyTorch's <c>extra_repr</c> for the layers the course uses; empty for containers and the rest.</summary>
    private static string Settings(nn.Module m) => m switch
    {
        TorchSharp.Modules.Linear l => $"in_features={l.in_features}, out_features={l.out_features}, bias={Py(l.bias is not null)}",
        TorchSharp.Modules.Convolution c => Conv(c),
        TorchSharp.Modules.BatchNorm b =>
            $"{b.num_features}, eps={Num(b.eps)}, momentum={(b.momentum is { } mom ? Num(mom) : "None")}, "
            + $"affine={Py(b.affine)}, track_running_stats={Py(b.track_running_stats)}",
        TorchSharp.Modules.LayerNorm n => $"({string.Join(", ", n.normalized_shape)},), eps={Num(n.eps)}, elementwise_affine={Py(n.elementwise_affine)}",
        TorchSharp.Modules.GroupNorm g => $"{g.num_groups}, {g.weight?.shape[0]}, eps={Num(g.eps)}, affine={Py(g.affine)}",
        TorchSharp.Modules.Dropout d => $"p={Num(d.p)}, inplace={Py(d.inplace)}",
        TorchSharp.Modules.LeakyReLU r => $"negative_slope={Num(r.negative_slope)}",
        TorchSharp.Modules.Flatten f => $"start_dim={f.start_dim}, end_dim={f.end_dim}",
        TorchSharp.Modules.Unflatten u => $"dim={u.dim}, unflattened_size=({string.Join(", ", u.unflattened_size)})",
        TorchSharp.Modules.Embedding e when e.weight is { } w => $"{w.shape[0]}, {w.shape[1]}",
        TorchSharp.Modules.MaxPool2d p =>
            $"kernel_size={Scalar(p.kernel_size)}, stride={Scalar(p.stride)}, padding={Scalar(p.padding)}, "
            + $"dilation={Scalar(p.dilation)}, ceil_mode={Py(p.ceil_mode)}",
        TorchSharp.Modules.GELU g => $"approximate='{g.approximate.ToString().ToLowerInvariant()}'",
        _ when m.GetType().Name is "LSTM" or "GRU" or "RNN" => Recurrent(m),
        _ => "",
    };

    private static string Conv(TorchSharp.Modules.Convolution c)
    {
        // PyTorch lists the arguments that differ from their defaults.
        var parts = new List<string>
        {
            c.in_channels.ToString(CultureInfo.InvariantCulture),
            c.out_channels.ToString(CultureInfo.InvariantCulture),
            $"kernel_size={Tuple(c.kernel_size)}",
        };
        parts.Add($"stride={Tuple(c.stride)}");
        if (c.padding is { } pad && pad.Any(p => p != 0)) parts.Add($"padding={Tuple(pad)}");
        if (c.dilation.Any(d => d != 1)) parts.Add($"dilation={Tuple(c.dilation)}");
        if (c.output_padding?.Any(p => p != 0) == true) parts.Add($"output_padding={Tuple(c.output_padding!)}");
        if (c.groups != 1) parts.Add($"groups={c.groups}");
        if (c.bias is null) parts.Add("bias=False");
        return string.Join(", ", parts);
    }

    private static string Recurrent(nn.Module m)
    {
        // TorchSharp keeps the sizes in private fields; the input size is the width of weight_ih_l0.
        long? Field(string name) =>
            m.GetType().GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(m) is { } v
                ? Convert.ToInt64(v, CultureInfo.InvariantCulture)
                : null;
        var input = m.named_parameters().FirstOrDefault(p => p.name == "weight_ih_l0").parameter?.shape[1];
        var layers = Field("_num_layers");
        var text = $"{input}, {Field("_hidden_size")}";
        if (layers is > 1) text += $", num_layers={layers}";
        if (m.GetType().GetField("_batch_first", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(m) is true) text += ", batch_first=True";
        return text;
    }

    // Pooling layers are usually given one number, which PyTorch prints as is; TorchSharp stores one per dimension.
    private static string Scalar(long[]? values) =>
        values is null ? "None" : values.Distinct().Count() == 1 ? values[0].ToString(CultureInfo.InvariantCulture) : Tuple(values);

    private static string Tuple(long[] values) => "(" + string.Join(", ", values) + ")";

    private static string Py(bool value) => value ? "True" : "False";

    private static string Num(double value) => value.ToString("G", CultureInfo.InvariantCulture).Replace("E-0", "e-0", StringComparison.Ordinal);
}
