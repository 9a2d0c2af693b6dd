namespace GenAI.Cli.Generative;

/// <summary>
/// How much a <see cref="IGenerativeModel"/> trains: <paramref name="Images"/> training images (a fixed random
/// selection of Fashion-MNIST, or of the embedded digits when it is absent), <paramref name="Epochs"/> passes
/// over them, and the <paramref name="Seed"/> of weights, noise and shuffling.
/// </summary>
public sealed record GenerativeTrainingSettings(int Images, int Epochs, long Seed);
