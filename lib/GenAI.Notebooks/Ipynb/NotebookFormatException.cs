namespace GenAI.Notebooks.Ipynb;

/// <summary>A notebook file that cannot be read; the message names the file, the position and the fix.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);
