namespace Smile.Media.Images;

/// <summary>libvips settings for a server that renders many different images, each once.</summary>
public static class ImagingLimits
{
    public static void Apply()
    {
        // The operation cache pays off when the same image is processed again; here each is rendered once and
        // then served from the store, so the cache would only hold memory.
        NetVips.Cache.Max = 0;
        NetVips.Cache.MaxFiles = 0;
        // Loaders that are not built for untrusted input (and formats Smile refuses anyway) stay off.
        NetVips.NetVips.BlockUntrusted = true;
    }
}
