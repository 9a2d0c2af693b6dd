using GenAI.Torch.Modules;

namespace GenAI.Torch;

public static partial class torch
{
    /// <summary>Optimizers (TorchSharp: <c>torch.optim</c>); the classes live in <c>GenAI.Torch.Modules</c>.</summary>
    public static partial class optim
    {
        public static SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

        public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
    }
}
