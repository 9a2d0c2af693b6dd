using static GenAI.Torch.torch;

namespace GenAI.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Weight initialisation schemes (TorchSharp: <c>torch.nn.init</c>), all in place without graph.</summary>
        public static class init
        {
            public enum FanInOut { FanIn = 0, FanOut = 1 }

            public enum NonlinearityType { Linear = 0, Conv1D = 1, Conv2D = 2, Conv3D = 3, ConvTranspose1D = 4, ConvTranspose2D = 5, ConvTranspose3D = 6, Sigmoid = 7, Tanh = 8, ReLU = 9, LeakyReLU = 10 }

            /// <summary>Recommended gain for a nonlinearity (PyTorch's calculate_gain).</summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.0) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                _ => 1.0,
            };

            /// <summary>(fan_in, fan_out): weight [out, in, k…] has fan_in = in·∏k, fan_out = out·∏k.</summary>
            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
            {
                if (tensor.dim() < 2)
                    throw new ArgumentException("Fan-in/Fan-out braucht einen Tensor mit mindestens 2 Dimensionen.");
                long receptive = 1;
                for (int i = 2; i < tensor.dim(); i++) receptive *= tensor.size(i);
                return (tensor.size(1) * receptive, tensor.size(0) * receptive);
            }

            private static Tensor Fill(Tensor tensor, Func<Generator, float> sample, Generator? generator)
            {
                var g = generator ?? default_generator;
                using (no_grad())
                {
                    var values = new float[tensor.numel()];
                    for (int i = 0; i < values.Length; i++) values[i] = sample(g);
                    tensor.copy_(torch.tensor(values, tensor.shape));
                }
                return tensor;
            }

            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null) =>
                Fill(tensor, g => (float)(low + (high - low) * g.NextDouble()), generator);

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null) =>
                Fill(tensor, g => (float)(mean + std * g.NextNormal()), generator);

            public static Tensor constant_(Tensor tensor, Scalar val) { using (no_grad()) tensor.fill_(val); return tensor; }

            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            public static Tensor eye_(Tensor tensor) { using (no_grad()) tensor.copy_(eye(tensor.size(0), tensor.size(1))); return tensor; }

            /// <summary>He et al. 2015: U(−b, b) with b = gain·√(3 / fan).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                var (fi, fo) = CalculateFanInAndFanOut(tensor);
                double std = calculate_gain(nonlinearity, a) / Math.Sqrt(mode == FanInOut.FanIn ? fi : fo);
                double bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound, generator);
            }

            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                var (fi, fo) = CalculateFanInAndFanOut(tensor);
                return normal_(tensor, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(mode == FanInOut.FanIn ? fi : fo), generator);
            }

            /// <summary>Glorot &amp; Bengio 2010: U(−b, b) with b = gain·√(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fi, fo) = CalculateFanInAndFanOut(tensor);
                double bound = gain * Math.Sqrt(6.0 / (fi + fo));
                return uniform_(tensor, -bound, bound, generator);
            }

            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fi, fo) = CalculateFanInAndFanOut(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fi + fo)), generator);
            }
        }
    }
}
