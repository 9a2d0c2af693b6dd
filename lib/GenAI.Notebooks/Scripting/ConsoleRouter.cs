using System.Text;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Routes <see cref="Console"/> output and input to the executing cell. Installed process-wide once;
/// when no cell is running, text goes to whatever Console writer was there before (the host's terminal,
/// a test runner's capture). Re-installed before each cell in case the host replaced Console.Out since.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly object Gate = new();
    private static RoutingWriter? _out, _error;
    private static TextWriter? _installedOut, _installedError;
    private static RoutingReader? _in;
    private static TextReader? _installedIn;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(Console.Out, _installedOut))
            {
                _out = new RoutingWriter("stdout", Console.Out);
                Console.SetOut(_out);
                _installedOut = Console.Out;
            }
            if (!ReferenceEquals(Console.Error, _installedError))
            {
                _error = new RoutingWriter("stderr", Console.Error);
                Console.SetError(_error);
                _installedError = Console.Error;
            }
            if (!ReferenceEquals(Console.In, _installedIn))
            {
                _in = new RoutingReader(Console.In);
                Console.SetIn(_in);
                _installedIn = Console.In;
            }
        }
    }

    private sealed class RoutingWriter(string name, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override IFormatProvider FormatProvider => fallback.FormatProvider;

        public override void Write(char value)
        {
            if (CellContext.Current is { } cell) cell.WriteStream(name, value.ToString());
            else fallback.Write(value);
        }

        public override void Write(string? value)
        {
            if (value is null) return;
            if (CellContext.Current is { } cell) cell.WriteStream(name, value);
            else fallback.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (CellContext.Current is { } cell) cell.FlushStreams();
            else fallback.Flush();
        }
    }

    private sealed class RoutingReader(TextReader fallback) : TextReader
    {
        private string? _rest;

        public override string? ReadLine()
        {
            if (CellContext.Current is not { } cell) return fallback.ReadLine();
            if (_rest is not null) { var r = _rest; _rest = null; return r; }
            return cell.ReadLine("", password: false);
        }

        public override int Read()
        {
            if (CellContext.Current is null) return fallback.Read();
            if (_rest is null)
            {
                var line = ReadLine();
                if (line is null) return -1;
                _rest = line + "\n";
            }
            int c = _rest[0];
            _rest = _rest.Length > 1 ? _rest[1..] : null;
            return c;
        }

        public override int Peek() => CellContext.Current is null ? fallback.Peek() : _rest is { Length: > 0 } ? _rest[0] : -1;
    }
}
