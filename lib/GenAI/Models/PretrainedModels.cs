using System.Reflection;
using GenAI.Text;

namespace GenAI.Models;

/// <summary>A character language model shipped with the library, with its alphabet and the command that trained it.</summary>
/// <param name="Model">The network (in eval mode).</param>
/// <param name="Vocabulary">Its alphabet: id i is character <c>Vocabulary[i]</c>.</param>
/// <param name="TrainingCommand">The <c>genai</c> command line that reproduces the weights.</param>
public sealed record PretrainedCharModel(CharRnnLanguageModel Model, CharVocabulary Vocabulary, string TrainingCommand);

/// <summary>A character-level GPT shipped with the library, with its alphabet and the command that trained it.</summary>
/// <param name="Model">The transformer (in eval mode).</param>
/// <param name="Vocabulary">Its alphabet: id i is character <c>Vocabulary[i]</c>.</param>
/// <param name="TrainingCommand">The <c>genai</c> command line that reproduces the weights.</param>
public sealed record PretrainedGpt(Gpt Model, CharVocabulary Vocabulary, string TrainingCommand);

/// <summary>
/// Weights that ship inside GenAI.dll (folder <c>Models/Pretrained</c>, DESIGN.md §6): models that train longer than a
/// chapter's time budget. Each was produced by the project's own <c>genai train</c> command with a fixed seed; the
/// README beside the weights gives the exact command line, and <see cref="PretrainedCharModel.TrainingCommand"/> repeats it.
/// <code>
/// var (model, vocab, _) = PretrainedModels.GrimmLstm();
/// double bpc = BitsPerCharacter.FromMeanLoss(CharRnnTraining.HeldOutLoss(model, heldOut, train[^1000..]), heldOut.Length, heldOut.Length);
/// </code>
/// </summary>
public static class PretrainedModels
{
    /// <summary>The command that produced <c>grimm-lstm.safetensors</c> (see <c>lib/GenAI/Models/Pretrained/README.md</c>).</summary>
    public const string GrimmLstmCommand = "genai train lstm --corpus grimm --iters 3000 --hidden 512 --seed 1 --threads 1 --out grimm-lstm.safetensors";

    /// <summary>
    /// The character LSTM trained on Grimms Märchen (the first 90 %; the last 10 % stay held out as in chapter 05).
    /// Its alphabet equals <c>CharVocabulary.Build(Corpus.Load("grimm").Text)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The weights are not embedded in this build of GenAI.dll.</exception>
    public static PretrainedCharModel GrimmLstm()
    {
        var (model, vocabulary) = LoadCharModel<CharRnnLanguageModel, CharRnnConfig>("grimm-lstm", GrimmLstmCommand, c => c.VocabularySize,
            c => new CharRnnLanguageModel(c));
        return new PretrainedCharModel(model, vocabulary, GrimmLstmCommand);
    }

    /// <summary>The command that produced <c>grimm-gpt.safetensors</c> (see <c>lib/GenAI/Models/Pretrained/README.md</c>).</summary>
    public const string GrimmGptCommand =
        "genai train gpt --corpus grimm --block-size 128 --batch-size 32 --layers 6 --heads 4 --embd 128 --iters 5000 --lr 2e-3 "
        + "--min-lr 2e-4 --lr-decay-iters 5000 --warmup-iters 200 --beta2 0.99 --weight-decay 0.1 --grad-clip 1.0 --dropout 0.1 --no-bias "
        + "--eval-iters 20 --eval-interval 500 --seed 1 --threads 2 --out grimm-gpt.safetensors";

    /// <summary>
    /// The character-level GPT of chapter 07 (6 pre-LN blocks, 4 heads, width 128, 128 positions, 1,219,200 parameters),
    /// trained by <see cref="GrimmGptCommand"/> on the first 90 % of Grimms Märchen; the last 10 % stay held out.
    /// Its alphabet equals <c>CharVocabulary.Build(Corpus.Load("grimm").Text)</c>. In eval mode.
    /// </summary>
    /// <exception cref="InvalidOperationException">The weights are not embedded in this build of GenAI.dll.</exception>
    public static PretrainedGpt GrimmGpt()
    {
        var (model, vocabulary) = LoadCharModel<Gpt, GptConfig>("grimm-gpt", GrimmGptCommand, c => c.VocabularySize, c => new Gpt(c));
        return new PretrainedGpt(model, vocabulary, GrimmGptCommand);
    }

    /// <summary>The command that produced <c>diffusion.safetensors</c> (chapter 03; see the README beside the weights).</summary>
    public const string DiffusionCommand = "genai train diffusion --out diffusion.safetensors";

    /// <summary>
    /// The class-conditional diffusion U-Net of chapter 03 (16 channels, embedding 64, 10 classes + null label, cosine
    /// schedule with T = 1000), trained by <see cref="DiffusionCommand"/>: 20.000 Fashion-MNIST images, 2 epochs,
    /// batch 128, Adam 2·10⁻³, label dropout 0,1, seed 42. In eval mode.
    /// </summary>
    /// <exception cref="InvalidOperationException">The weights are not embedded in this build of GenAI.dll.</exception>
    public static Diffusion.UNet DiffusionUNet()
    {
        var config = Checkpoint.ParseConfig<Diffusion.UNetConfig>(ReadText("diffusion.json", DiffusionCommand), "diffusion.json", nameof(Diffusion.UNet));
        var unet = new Diffusion.UNet(config);
        using (var weights = Open("diffusion.safetensors", DiffusionCommand))
            SafetensorsWeights.Load(unet, weights, "diffusion.safetensors");
        unet.eval();
        return unet;
    }

    // The three files of a shipped character model: alphabet, config (whose alphabet size must match), weights.
    private static (TModel Model, CharVocabulary Vocabulary) LoadCharModel<TModel, TConfig>(string name, string command,
        Func<TConfig, int> vocabularySize, Func<TConfig, TModel> create) where TModel : TorchSharp.torch.nn.Module where TConfig : class
    {
        var vocabulary = CharVocabulary.FromCharacters(ReadText(name + ".vocab.txt", command));
        var config = Checkpoint.ParseConfig<TConfig>(ReadText(name + ".json", command), name + ".json", typeof(TModel).Name);
        if (vocabularySize(config) != vocabulary.Size)
            throw new InvalidDataException(
                $"{name}: Die Konfiguration nennt {vocabularySize(config)} Zeichen, das Alphabet hat {vocabulary.Size} (Build-Fehler).");
        var model = create(config);
        using (var weights = Open(name + ".safetensors", command))
            SafetensorsWeights.Load(model, weights, name + ".safetensors");
        model.eval();
        return (model, vocabulary);
    }

    private static string ReadText(string file, string command)
    {
        using var reader = new StreamReader(Open(file, command));
        return reader.ReadToEnd();
    }

    private static Stream Open(string file, string command)
    {
        var resource = "GenAI.Models.Pretrained." + file;
        return Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
               ?? throw new InvalidOperationException(
                   $"Die vortrainierten Gewichte {file} fehlen in GenAI.dll (The pretrained weights {file} are not embedded in GenAI.dll). "
                   + $"Erzeuge sie mit / create them with: {command} — und lege sie nach lib/GenAI/Models/Pretrained/.");
    }
}
