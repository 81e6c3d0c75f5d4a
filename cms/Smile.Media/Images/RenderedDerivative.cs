namespace Smile.Media.Images;

/// <summary>One encoded derivative: the width it was asked for (its name in URLs), its height and bytes.</summary>
public sealed record RenderedDerivative(int Width, int Height, DerivativeFormat Format, byte[] Bytes);
