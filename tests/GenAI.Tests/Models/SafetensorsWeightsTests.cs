using System.Reflection;
using System.Reflection.Emit;
using GenAI.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// Module weights as safetensors, with TorchSharp.PyBridge as the oracle (in this test process it binds to our
/// TorchSharp, so it works): what we write PyBridge loads, what PyBridge writes we load. The files are not
/// byte-identical: PyBridge writes the tensors in state-dict order with an unpadded header, the reference writer
/// (and we) order them by dtype, then name, and pad the header to 8 bytes; both are valid safetensors, so the tests
/// compare the tensors.
/// </summary>
public class SafetensorsWeightsTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Directory.CreateTempSubdirectory("genai-weights-").FullName;
        torch.manual_seed(5);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Weights_we_save_load_through_PyBridge_into_an_equal_model()
    {
        var path = Path.Combine(_dir, "ours.safetensors");
        var saved = Network();
        SafetensorsWeights.Save(saved, path);

        var loaded = Network();
        loaded.load_safetensors(path, strict: true);
        AssertSameState(loaded, saved);
    }

    [Test]
    public void Weights_PyBridge_saves_load_into_an_equal_model()
    {
        var path = Path.Combine(_dir, "pybridge.safetensors");
        var saved = Network();
        saved.save_safetensors(path);

        var loaded = Network();
        SafetensorsWeights.Load(loaded, path);
        AssertSameState(loaded, saved);
        Assert.That(File.ReadAllBytes(path), Is.Not.EqualTo(Saved(saved)), "different layouts, see the class comment");
    }

    [Test]
    public void The_shipped_pretrained_weights_written_by_PyBridge_load_like_PyBridge_loads_them()
    {
        var ours = PretrainedModels.DiffusionUNet();
        var theirs = new GenAI.Models.Diffusion.UNet(ours.Config);
        using (var stream = typeof(PretrainedModels).Assembly.GetManifestResourceStream("GenAI.Models.Pretrained.diffusion.safetensors")!)
            theirs.load_safetensors(stream, strict: true);
        AssertSameState(ours, theirs);
    }

    [Test]
    public void Weights_of_another_shape_are_refused_with_name_and_both_shapes_and_the_model_is_untouched()
    {
        var path = Path.Combine(_dir, "w.safetensors");
        SafetensorsWeights.Save(Network(hidden: 6), path);
        var model = Network(hidden: 4);
        var before = model.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());

        var e = Assert.Throws<InvalidDataException>(() => SafetensorsWeights.Load(model, path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("Sequential").And.Contain("0.weight hat in der Datei die Form [6, 3], im Modell [4, 3]"));
        foreach (var (name, value) in model.state_dict())
            Assert.That(SafetensorsFileTests.Bytes(value), Is.EqualTo(SafetensorsFileTests.Bytes(before[name])), name);
    }

    [Test]
    public void Missing_and_extra_names_are_listed()
    {
        var path = Path.Combine(_dir, "w.safetensors");
        SafetensorsFile.Write(path, new Dictionary<string, Tensor>(Network().state_dict()) { ["extra.bias"] = torch.zeros(2) }
            .Where(p => p.Key != "0.bias").ToDictionary());
        var e = Assert.Throws<InvalidDataException>(() => SafetensorsWeights.Load(Network(), path));
        Assert.That(e!.Message, Does.Contain("in der Datei fehlen 0.bias").And.Contain("das Modell kennt nicht extra.bias"));
    }

    [Test]
    public void Float64_weights_are_converted_to_the_models_float32()
    {
        var path = Path.Combine(_dir, "f64.safetensors");
        var saved = Network();
        SafetensorsFile.Write(path, saved.state_dict().ToDictionary(p => p.Key, p => p.Value.is_floating_point() ? p.Value.to(float64) : p.Value));
        var loaded = Network();
        SafetensorsWeights.Load(loaded, path);
        Assert.That(loaded.state_dict()["0.weight"].dtype, Is.EqualTo(float32));
        AssertSameState(loaded, saved);
    }

    [Test]
    public void Checkpoint_loading_of_safetensors_compiles_no_call_into_PyBridge()
    {
        // Under the official .NET Interactive kernel PyBridge binds to a second TorchSharp; the JIT resolves every call in a
        // method body, so the safetensors path must not contain one (the .pt branch lives in a method of its own).
        var pyBridge = typeof(PyBridgeModuleExtensions).Assembly;
        var methods = new[] { typeof(SafetensorsFile), typeof(SafetensorsWeights), typeof(PretrainedModels) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Append(typeof(Checkpoint).GetMethod(nameof(Checkpoint.LoadWeights))!)
            .Append(typeof(Checkpoint).GetMethod(nameof(Checkpoint.Save))!);
        foreach (var method in methods)
            Assert.That(CalledMembers(method).Where(m => m.Module.Assembly == pyBridge).Select(m => m.Name), Is.Empty, method.Name);
        Assert.That(CalledMembers(typeof(Checkpoint).GetMethod("LoadPyTorchStateDict", BindingFlags.NonPublic | BindingFlags.Static)!)
            .Any(m => m.Module.Assembly == pyBridge), "the .pt branch does use PyBridge (sanity check of the IL walk)");
    }

    private static nn.Module<Tensor, Tensor> Network(int hidden = 5) =>
        nn.Sequential(nn.Linear(3, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Linear(hidden, 2, hasBias: false));

    private static byte[] Saved(nn.Module model)
    {
        using var stream = new MemoryStream();
        SafetensorsFile.Write(stream, model.state_dict());
        return stream.ToArray();
    }

    private static void AssertSameState(nn.Module actual, nn.Module expected)
    {
        var a = actual.state_dict();
        var e = expected.state_dict();
        Assert.That(a.Keys, Is.EquivalentTo(e.Keys));
        foreach (var (name, value) in e)
        {
            Assert.That(a[name].dtype, Is.EqualTo(value.dtype), name);
            Assert.That(a[name].shape, Is.EqualTo(value.shape), name);
            Assert.That(SafetensorsFileTests.Bytes(a[name]), Is.EqualTo(SafetensorsFileTests.Bytes(value)), name);
        }
    }

    /// <summary>The methods, constructors and fields an IL body refers to (a walk over its instructions).</summary>
    private static IEnumerable<MemberInfo> CalledMembers(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var members = new List<MemberInfo>();
        for (int i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? TwoByte[il[i + 1]] : OneByte[il[i]];
            i += code.Size;
            int size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
                members.Add(method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs)!);
            i += size;
        }
        return members;
    }

    private static readonly Dictionary<byte, OpCode> OneByte = OpCodesOf(single: true);
    private static readonly Dictionary<byte, OpCode> TwoByte = OpCodesOf(single: false);

    private static Dictionary<byte, OpCode> OpCodesOf(bool single) =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!)
            .Where(o => (o.Size == 1) == single).ToDictionary(o => (byte)(o.Value & 0xFF));
}
