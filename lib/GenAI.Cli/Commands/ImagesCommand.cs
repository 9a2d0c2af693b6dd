using GenAI.Plotting;
using System.CommandLine;
using GenAI.Cli.Figures;
using GenAI.Text;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai images</c>: regenerates every figure the chapters' Markdown shows (folder <c>images/</c>)
/// from the course's own code: the same data, models and seeds as the notebooks.
/// </summary>
public sealed class ImagesCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder to write the figures to.",
            DefaultValueFactory = _ => new DirectoryInfo("images"),
        };
        var command = new Command("images", "Regenerate the figures in images/ that the chapters' Markdown shows.") { output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            folder.Create();
            void Write(string name, string svg)
            {
                var path = Path.Combine(folder.FullName, name);
                var temp = path + ".tmp";
                File.WriteAllText(temp, svg);
                File.Move(temp, path, overwrite: true);
                Console.WriteLine($"  {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
            }

            Console.WriteLine("Kapitel 00 …");
            Write("latenter-raum-ziffern.svg", DigitsLatentFigure.Build().ToSvg());
            Write("diskriminativ-generativ.svg", DiscriminativeGenerativeFigure.Build().ToSvg());

            Console.WriteLine("Kapitel 01 …");
            var (input, reconstruction, side) = ReconstructionExample.Make();
            Write("autoencoder-aufbau.svg", AutoencoderDiagram.Render(input, reconstruction, side));
            Write("vae-aufbau.svg", VaeDiagram.Render(input, reconstruction, side));

            Console.WriteLine("Kapitel 04 …");
            const string sentence = "Der Igel gewinnt das Wettrennen.";
            var encoding = TiktokenEncoding.Get("o200k_base");
            var tokens = encoding.Encode(sentence).Select(id => (encoding.Decode([id]), id)).ToArray();
            Write("text-tokens-ids.svg", TokenDiagram.Render(sentence, tokens, encoding.Name));
            return 0;
        });
        return command;
    }
}
