using GenAI.Torch.Modules;

namespace GenAI.Torch;

public static partial class torch
{
    public static partial class nn
    {
        private static (long, long) Pair(long v) => (v, v);

        private static (long, long) SamePadding((long, long) kernel, (long, long) dilation) =>
            (dilation.Item1 * (kernel.Item1 - 1) / 2, dilation.Item2 * (kernel.Item2 - 1) / 2);

        private static void CheckPaddingMode(PaddingModes mode)
        {
            if (mode != PaddingModes.Zeros) throw new NotSupportedException($"Nur padding_mode = PaddingModes.Zeros ist implementiert, nicht {mode}.");
        }

        public static Conv2d Conv2d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
        {
            CheckDevice(device); CheckPaddingMode(padding_mode);
            return new Conv2d(in_channels, out_channels, Pair(kernelSize), Pair(stride), Pair(padding), Pair(dilation), groups, bias);
        }

        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernelSize, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
        {
            CheckDevice(device); CheckPaddingMode(padding_mode);
            return new Conv2d(in_channels, out_channels, kernelSize, stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1), groups, bias);
        }

        /// <summary>Padding.Same keeps H×W (stride 1, odd kernel), Padding.Valid pads nothing.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernelSize, Padding padding, long stride = 1, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
        {
            CheckDevice(device); CheckPaddingMode(padding_mode);
            if (padding == Torch.Padding.Same && (stride != 1 || (dilation * (kernelSize - 1)) % 2 != 0))
                throw new ArgumentException("Padding.Same geht hier nur mit stride 1 und ungerader (effektiver) Kernelgröße.");
            var pad = padding == Torch.Padding.Same ? SamePadding(Pair(kernelSize), Pair(dilation)) : (0, 0);
            return new Conv2d(in_channels, out_channels, Pair(kernelSize), Pair(stride), pad, Pair(dilation), groups, bias);
        }

        public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0, long output_padding = 0, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
        {
            CheckDevice(device); CheckPaddingMode(padding_mode);
            return new ConvTranspose2d(in_channels, out_channels, Pair(kernelSize), Pair(stride), Pair(padding), Pair(output_padding), Pair(dilation), groups, bias);
        }

        public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, (long, long) kernelSize, (long, long)? stride = null, (long, long)? padding = null,
            (long, long)? output_padding = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true,
            Device? device = null, ScalarType? dtype = null)
        {
            CheckDevice(device); CheckPaddingMode(padding_mode);
            return new ConvTranspose2d(in_channels, out_channels, kernelSize, stride ?? (1, 1), padding ?? (0, 0), output_padding ?? (0, 0), dilation ?? (1, 1), groups, bias);
        }

        public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
            new(Pair(kernel_size), Pair(stride ?? kernel_size), Pair(padding ?? 0), Pair(dilation ?? 1), ceil_mode);

        public static MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false) =>
            new(kernel_size, stride ?? kernel_size, padding ?? (0, 0), dilation ?? (1, 1), ceil_mode);

        public static Upsample Upsample(long[]? size = null, double[]? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest, bool? align_corners = null, bool? recompute_scale_factor = null) =>
            new(size, scale_factor, mode);

        public static partial class functional
        {
            private static (int, int) P2(long[]? v, int dflt) => v is null ? (dflt, dflt) : v.Length == 1 ? ((int)v[0], (int)v[0]) : ((int)v[0], (int)v[1]);

            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null, long groups = 1) =>
                ConvOps.Conv2d(input, weight, bias, P2(strides, 1), P2(padding, 0), P2(dilation, 1), (int)groups);

            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? stride = null, long[]? padding = null, long[]? output_padding = null,
                long groups = 1, long[]? dilation = null) =>
                ConvOps.ConvTranspose2d(input, weight, bias, P2(stride, 1), P2(padding, 0), P2(output_padding, 0), P2(dilation, 1), (int)groups);

            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                PoolOps.MaxPool2d(input, ((int)kernel_size, (int)kernel_size), ((int)(stride ?? kernel_size), (int)(stride ?? kernel_size)),
                    ((int)(padding ?? 0), (int)(padding ?? 0)), ((int)(dilation ?? 1), (int)(dilation ?? 1)), ceil_mode);

            /// <summary>Resizes [N, C, H, W] to <paramref name="size"/> or by <paramref name="scale_factor"/> (nearest neighbour only).</summary>
            public static Tensor interpolate(Tensor x, long[]? size = null, double[]? scale_factor = null, InterpolationMode mode = InterpolationMode.Nearest,
                bool? align_corners = null, bool recompute_scale_factor = false, bool antialias = false)
            {
                if (mode != InterpolationMode.Nearest) throw new NotSupportedException($"interpolate: nur InterpolationMode.Nearest ist implementiert, nicht {mode}.");
                if (x.dim() != 4) throw new ArgumentException($"interpolate erwartet [N, C, H, W], bekam [{string.Join(", ", x.shape)}].");
                if (size is not null)
                {
                    long oh = size[0], ow = size.Length > 1 ? size[1] : size[0];
                    return PoolOps.UpsampleNearest(x, (int)oh, (int)ow, null, null);
                }
                if (scale_factor is null) throw new ArgumentException("interpolate: gib size oder scale_factor an.");
                double sh = scale_factor[0], sw = scale_factor.Length > 1 ? scale_factor[1] : scale_factor[0];
                return PoolOps.UpsampleNearest(x, (int)Math.Floor(x.size(2) * sh), (int)Math.Floor(x.size(3) * sw), sh, sw);
            }
        }
    }
}
