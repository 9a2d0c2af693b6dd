using GenAI.Notebooks;

namespace GenAI.Tests.Notebooks;

/// <summary>
/// Tensor mistakes in a cell read like PyTorch's: the shapes, no native frames, and the session lives on.
/// TorchSharp 0.107 would terminate the process on a matmul shape mismatch; the engine routes it through a check.
/// </summary>
public class TorchCellErrorsTests
{
    private ScriptSession _session = null!;
    private string _reference = "";

    [SetUp]
    public void SetUp()
    {
        _session = new ScriptSession(RepoPaths.Fixtures);
        var relative = Path.GetRelativePath(RepoPaths.Fixtures, RepoPaths.LibraryDll).Replace('\\', '/');
        _reference = $"#r \"{relative}\"\nusing TorchSharp;\nusing static TorchSharp.torch;\n";
    }

    [TearDown]
    public void TearDown() => _session.Dispose();

    private async Task<(CellRunResult Result, RecordingOutput Output)> Run(string code)
    {
        var output = new RecordingOutput();
        var result = await _session.ExecuteAsync(code, output, CancellationToken.None);
        return (result, output);
    }

    [Test]
    public async Task A_matmul_shape_mismatch_is_a_cell_error_with_both_shapes_and_the_session_lives_on()
    {
        await Run(_reference + "var a = ones(2, 3);\nvar b = ones(4, 5);");
        var (result, output) = await Run("var c = a\n    .matmul(b);\nc.shape[0]");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error));
        var (ename, evalue, traceback) = output.Errors.Single();
        Assert.That(ename, Is.EqualTo("ExternalException"));
        Assert.That(evalue, Does.Contain("[2, 3]").And.Contain("[4, 5]"));
        Assert.That(traceback, Has.Some.Contains("Zeile 1"), "the error points at the cell's first line");

        (result, output) = await Run("torch.matmul(a, ones(3, 5)).shape[1] + matmul(ones(3), ones(3)).dim()");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Errors.Select(e => e.Evalue)));
        Assert.That(output.Events, Is.EqualTo(new[] { "result: 5" }));
    }

    [Test]
    public async Task Line_numbers_after_a_rewritten_multi_line_matmul_stay_right()
    {
        await Run(_reference);
        var (_, output) = await Run("var y = ones(2, 3)\n    .matmul(\n        ones(3, 1));\nint zero = 0;\nvar boom = 1 / zero;");
        Assert.That(output.Errors.Single().Traceback, Has.Some.Contains("Zeile 5"));
    }

    [Test]
    public async Task A_learners_own_matmul_is_not_rewritten()
    {
        await Run(_reference);
        var (result, output) = await Run(
            "double[,] matmul(double[,] a, double[,] b) { var c = new double[a.GetLength(0), b.GetLength(1)];\n"
            + " for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < b.GetLength(1); j++)"
            + " for (int k = 0; k < a.GetLength(1); k++) c[i, j] += a[i, k] * b[k, j];\n"
            + " return c; }\nmatmul(new double[,] { { 1, 2 } }, new double[,] { { 3 }, { 4 } }).GetType().Name");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Errors.Select(e => e.Evalue)));
        Assert.That(output.Events, Is.EqualTo(new[] { "result: Double[,]" }));
    }

    [Test]
    public async Task A_libtorch_error_shows_its_message_without_native_frames()
    {
        await Run(_reference);
        var (result, output) = await Run("var sum = ones(2, 3) + ones(4, 5);");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error));
        var (_, evalue, traceback) = output.Errors.Single();
        Assert.That(evalue, Does.StartWith("The size of tensor a (3) must match the size of tensor b (5)"));
        var all = string.Join("\n", traceback);
        Assert.That(all, Does.Not.Contain("Exception raised from").And.Not.Contain("frame #").And.Not.Contain(".so)"));
    }
}
