namespace GenAI.Models;

/// <summary>Which recurrent cell a <see cref="CharRnnLanguageModel"/> uses.</summary>
public enum RecurrentKind
{
    /// <summary>Elman's simple RNN, h_t = tanh(W x_t + U h_{t−1} + b) (Elman 1990); <c>nn.RNN</c>.</summary>
    Rnn,
    /// <summary>Long short-term memory with input, forget and output gates and a cell state (Hochreiter &amp; Schmidhuber 1997); <c>nn.LSTM</c>.</summary>
    Lstm,
    /// <summary>Gated recurrent unit with update and reset gates (Cho et al. 2014); <c>nn.GRU</c>.</summary>
    Gru,
}
