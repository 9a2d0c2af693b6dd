namespace GenAI.Models.Gans;

/// <summary>
/// One training step of a GAN: the discriminator's loss (real + fake BCE), the generator's loss, and
/// D's mean probability "real" on the real batch and on the generated batch.
/// </summary>
public readonly record struct GanStep(int Epoch, double DiscriminatorLoss, double GeneratorLoss, double DReal, double DFake);
