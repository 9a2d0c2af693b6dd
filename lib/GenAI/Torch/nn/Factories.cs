using GenAI.Torch.Modules;

namespace GenAI.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null)
        {
            CheckDevice(device);
            return new Linear(inputSize, outputSize, hasBias);
        }

        public static Linear Linear(Parameter weight, Parameter? bias = null) => new(weight, bias);

        public static Sequential Sequential() => new([]);
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules.Select((m, i) => (i.ToString(), m)));
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules) => new(modules);
        public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules) => new(modules);

        public static ReLU ReLU(bool inplace = false) => new();
        public static LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope);
        public static Sigmoid Sigmoid() => new();
        public static Sigmoid Sigmoid(bool inplace) => new();
        public static Tanh Tanh(bool inplace = false) => new();
        public static GELU GELU() => new(Modules.GELU.Approximate.none);
        public static GELU GELU(bool inplace) => new(Modules.GELU.Approximate.none);
        public static GELU GELU(GELU.Approximate approximate, bool inplace = false) => new(approximate);
        public static SiLU SiLU(bool inplace = false) => new();
        public static Softmax Softmax(long dim) => new(dim);
        public static LogSoftmax LogSoftmax(long dim) => new(dim);
        public static Identity Identity() => new();
        public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p);
        public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
        public static Unflatten Unflatten(long dim, long[] unflattened_size) => new(dim, unflattened_size);

        public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null, double norm_type = 2.0,
            bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
        {
            CheckDevice(device);
            if (max_norm is not null) throw new NotSupportedException("Embedding: max_norm wird nicht unterstützt.");
            return new Embedding(num_embeddings, embedding_dims, padding_idx);
        }

        public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(normalized_shape, eps, elementwise_affine, bias);

        public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new([normalized_shape], eps, elementwise_affine, bias);

        public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats);

        public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats);

        public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);
        public static BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);
        public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => new(weight, reduction, pos_weights);
        public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
            new(weight, ignore_index ?? -100, reduction, label_smoothing);
        public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);
    }
}
