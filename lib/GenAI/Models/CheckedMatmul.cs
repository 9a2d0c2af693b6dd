using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// <c>matmul</c> that checks shapes first. TorchSharp 0.107's native <c>THSTensor_matmul</c> lets libtorch's
/// shape error escape as a C++ exception, which terminates the whole process (a notebook kernel dies with
/// a native stack dump); every other common op turns it into a catchable <see cref="ExternalException"/>.
/// This applies PyTorch's matmul rules in managed code and throws the same exception type with the shapes.
/// The notebook engine routes a cell's <c>matmul</c> calls here; library code calls it on user-shaped input.
/// </summary>
public static class CheckedMatmul
{
    /// <summary><c>a.matmul(b)</c>, or a catchable error naming both shapes when they do not fit.</summary>
    public static Tensor matmul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Problem(a.shape, b.shape) is { } problem) throw new ExternalException(problem);
        return a.matmul(b);
    }

    /// <summary>Why PyTorch would refuse <c>matmul</c> of these shapes, or null when it accepts them.</summary>
    public static string? Problem(long[] a, long[] b)
    {
        if (a.Length == 0 || b.Length == 0)
            return $"both arguments to matmul need to be at least 1D, but they are {a.Length}D and {b.Length}D";
        // A 1-D left operand is a row [1, n], a 1-D right operand a column [n, 1]; both are removed afterwards.
        long inner = a[^1];
        long other = b.Length == 1 ? b[0] : b[^2];
        if (inner != other)
        {
            return a.Length == 1 && b.Length == 1
                ? $"inconsistent tensor size: matmul of 1-D tensors {Shape(a)} and {Shape(b)} needs the same number of elements, but got {inner} and {other}"
                : $"matmul shapes cannot be multiplied: {Shape(a)} @ {Shape(b)}; the last dimension of the first ({inner}) must equal "
                  + (b.Length == 1 ? $"the length of the second ({other})" : $"the second-to-last dimension of the second ({other})");
        }
        // Batch dimensions (all but the matrix ones) broadcast like elementwise ops.
        var batchA = a.Length > 2 ? a[..^2] : [];
        var batchB = b.Length > 2 ? b[..^2] : [];
        for (int i = 1; i <= Math.Min(batchA.Length, batchB.Length); i++)
        {
            long x = batchA[^i], y = batchB[^i];
            if (x != y && x != 1 && y != 1)
                return $"matmul batch dimensions do not broadcast: {Shape(a)} @ {Shape(b)}; batch sizes {Shape(batchA)} and {Shape(batchB)} "
                       + $"differ at dimension -{i} ({x} vs. {y}) and neither is 1";
        }
        return null;
    }

    private static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
