using System.CommandLine;
using GenAI.Text;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai tokenize</c>: shows how a GPT encoding splits text — coloured tokens in the terminal, or the ids.
/// Text comes from the argument or, when none is given, from standard input.
/// </summary>
public sealed class TokenizeCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var text = new Argument<string?>("text") { Description = "Text to tokenize (default: read standard input).", Arity = ArgumentArity.ZeroOrOne };
        var encoding = new Option<string>("--encoding", "-e")
        {
            Description = $"One of: {string.Join(", ", TiktokenEncoding.Names)}.", DefaultValueFactory = _ => "o200k_base",
        };
        var ids = new Option<bool>("--ids") { Description = "Print the token ids only, one line, space-separated." };
        var command = new Command("tokenize", "Split text into GPT tokens (tiktoken-exact ids).") { text, encoding, ids };
        command.SetAction(result =>
        {
            var name = result.GetValue(encoding)!;
            if (!TiktokenEncoding.Names.Contains(name))
            {
                Console.Error.WriteLine($"Unbekannte Kodierung \"{name}\". Erlaubt: {string.Join(", ", TiktokenEncoding.Names)}.");
                return 2;
            }
            var input = result.GetValue(text) ?? Console.In.ReadToEnd();
            var tokenizer = TiktokenEncoding.Get(name);
            if (result.GetValue(ids))
            {
                Console.WriteLine(string.Join(' ', tokenizer.Encode(input)));
                return 0;
            }
            var view = new TokenView(tokenizer, input);
            Console.WriteLine(Console.IsOutputRedirected ? view.ToString() : view.ToAnsi());
            return 0;
        });
        return command;
    }
}
