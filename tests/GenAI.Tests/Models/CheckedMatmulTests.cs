using System.Runtime.InteropServices;
using System.Text.Json;
using GenAI.Models;
using GenAI.Tests.Kernel;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// <see cref="CheckedMatmul"/> must accept exactly the shapes PyTorch's matmul accepts (the oracle is
/// Debian's python3-torch) and refuse the rest with a catchable error instead of TorchSharp's process abort.
/// </summary>
public class CheckedMatmulTests
{
    private static readonly long[][][] Pairs =
    [
        [[3], [3]], [[3], [4]], [[2, 3], [3, 5]], [[2, 3], [4, 5]], [[3], [3, 5]], [[4], [3, 5]],
        [[2, 3], [3]], [[2, 3], [4]], [[7, 2, 3], [3, 5]], [[7, 2, 3], [4, 5]], [[2, 3], [7, 3, 5]],
        [[7, 2, 3], [7, 3, 5]], [[7, 2, 3], [6, 3, 5]], [[1, 2, 3], [6, 3, 5]], [[4, 1, 2, 3], [6, 3, 5]],
        [[4, 5, 2, 3], [6, 3, 5]], [[5, 2, 3], [4, 1, 3, 5]], [[3], [7, 3, 5]], [[3], [7, 4, 5]],
        [[7, 2, 3], [3]], [[7, 2, 3], [2]], [[], [3]], [[2, 3], []], [[2, 0], [0, 4]], [[0, 2, 3], [1, 3, 4]],
    ];

    [Test]
    public void Accepts_exactly_the_shapes_pytorch_accepts()
    {
        PythonClients.Require("torch");
        var script = """
            import json, sys, torch
            pairs = json.loads(sys.argv[1])
            out = []
            for a, b in pairs:
                try:
                    out.append(list(torch.matmul(torch.zeros(a), torch.zeros(b)).shape))
                except RuntimeError:
                    out.append(None)
            print(json.dumps(out))
            """;
        var result = PythonClients.Run(["-c", script, JsonSerializer.Serialize(Pairs)], TimeSpan.FromMinutes(2));
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var theirs = JsonSerializer.Deserialize<long[]?[]>(result.Stdout)!;

        for (int i = 0; i < Pairs.Length; i++)
        {
            var (a, b) = (Pairs[i][0], Pairs[i][1]);
            string pair = $"[{string.Join(",", a)}] @ [{string.Join(",", b)}]";
            if (theirs[i] is null)
            {
                Assert.That(CheckedMatmul.Problem(a, b), Is.Not.Null, pair + ": PyTorch refuses it");
                Assert.Throws<ExternalException>(() => CheckedMatmul.matmul(zeros(a), zeros(b)), pair);
            }
            else
            {
                Assert.That(CheckedMatmul.Problem(a, b), Is.Null, pair + ": PyTorch accepts it");
                Assert.That(CheckedMatmul.matmul(zeros(a), zeros(b)).shape, Is.EqualTo(theirs[i]), pair);
            }
        }
    }

    [Test]
    public void A_refused_product_names_both_shapes()
    {
        var e = Assert.Throws<ExternalException>(() => CheckedMatmul.matmul(ones(2, 3), ones(4, 5)));
        Assert.That(e!.Message, Does.Contain("[2, 3]").And.Contain("[4, 5]").And.Contain("(3)").And.Contain("(4)"));
    }
}
