namespace GenAI.Kernel.Zmtp;

/// <summary>A peer broke the ZMTP wire protocol; only that connection is closed.</summary>
public sealed class ZmtpProtocolException(string message) : Exception(message);
