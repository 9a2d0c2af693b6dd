namespace GenAI.Torch;

/// <summary>How a convolution pads (only zero padding is implemented).</summary>
public enum PaddingModes { Zeros = 0, Reflect = 1, Replicate = 2, Circular = 3 }

/// <summary>Named padding: Valid = none, Same = output as large as the input (stride 1).</summary>
public enum Padding { Valid = 0, Same = 1 }

/// <summary>Upsampling algorithm (only Nearest is implemented).</summary>
public enum UpsampleMode { Nearest = 0, Linear = 1, Bilinear = 2, Bicubic = 3, Trilinear = 4 }

/// <summary>Interpolation algorithm for <c>nn.functional.interpolate</c> (only Nearest is implemented).</summary>
public enum InterpolationMode { Nearest = 0, Linear = 1, Bilinear = 2, Bicubic = 3, Trilinear = 4, Area = 5, NearestExact = 6 }
