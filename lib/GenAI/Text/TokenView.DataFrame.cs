using Microsoft.Data.Analysis;

namespace GenAI.Text;

public sealed partial class TokenView
{
    /// <summary>
    /// The token table: one row per token with its "ID", its "Bytes" in hex (as the tokenizer stores them) and its
    /// "Text" when decoded alone (a token holding part of a UTF-8 character shows the replacement character �).
    /// </summary>
    public DataFrame ToDataFrame() => new(
        new Int32DataFrameColumn("ID", Ids),
        new StringDataFrameColumn("Bytes", _tokenBytes.Select(Convert.ToHexString)),
        new StringDataFrameColumn("Text", _tokenBytes.Select(b => System.Text.Encoding.UTF8.GetString(b))));
}
