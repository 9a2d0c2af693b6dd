namespace GenAI.Torch;

public static partial class torch
{
    /// <summary>
    /// Pseudo-random source (TorchSharp: <c>torch.Generator</c>). The algorithm is xoshiro256**
    /// (Blackman &amp; Vigna 2018) seeded through SplitMix64, so one seed gives the same numbers on
    /// every run, machine and .NET version. The numbers differ from PyTorch's Mersenne Twister.
    /// </summary>
    public sealed class Generator
    {
        private ulong s0, s1, s2, s3;
        private double? spareNormal;

        public Generator(ulong seed = 0) => manual_seed((long)seed);

        public long initial_seed() { return initialSeed; }
        private long initialSeed;

        public Generator manual_seed(long seed)
        {
            initialSeed = seed;
            ulong x = (ulong)seed;
            s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
            spareNormal = null;
            return this;
        }

        private static ulong SplitMix(ref ulong x)
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        internal ulong NextUInt64()
        {
            ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return result;
        }

        /// <summary>Uniform in [0, 1) with 24 random bits (exactly representable as float).</summary>
        internal float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

        /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
        internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Standard normal via the Box–Muller transform (Box &amp; Muller 1958), pairs cached.</summary>
        internal double NextNormal()
        {
            if (spareNormal is double s) { spareNormal = null; return s; }
            double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
            double u2 = NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            spareNormal = r * Math.Sin(2 * Math.PI * u2);
            return r * Math.Cos(2 * Math.PI * u2);
        }

        /// <summary>Uniform integer in [0, n) without modulo bias (Lemire 2019).</summary>
        internal long NextInt64(long n)
        {
            if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
            ulong un = (ulong)n;
            ulong threshold = (0UL - un) % un;
            while (true)
            {
                ulong x = NextUInt64();
                ulong hi = Math.BigMul(x, un, out ulong lo);
                if (lo >= threshold) return (long)hi;
            }
        }
    }

    private static Generator defaultGenerator = new(0x2545F4914F6CDD1DUL);

    /// <summary>The generator used when an op gets none.</summary>
    public static Generator default_generator => defaultGenerator;

    /// <summary>Seeds the default generator: the same seed gives the same numbers on every run.</summary>
    public static Generator manual_seed(long seed) => defaultGenerator.manual_seed(seed);

    public static void seed(long seed) => defaultGenerator.manual_seed(seed);

    public static partial class random
    {
        public static Generator manual_seed(long seed) => torch.manual_seed(seed);
    }
}
