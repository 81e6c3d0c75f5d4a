namespace Smile.Media;

/// <summary>Settings under <c>Smile:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "Smile:Media";

    /// <summary>Largest upload in bytes (videos included).</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest image in pixels (width × height), checked from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary><c>Disk</c> (under the data folder) or <c>S3</c>.</summary>
    public string Store { get; set; } = "Disk";

    /// <summary>The disk store's folder, relative to <c>Smile:DataPath</c>.</summary>
    public string Folder { get; set; } = "media";

    /// <summary>Derivatives rendered at the same time; each holds at most one decoded 1920-pixel image.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    public int JpegQuality { get; set; } = 80;

    public int WebpQuality { get; set; } = 78;

    public int AvifQuality { get; set; } = 55;

    public S3MediaOptions S3 { get; set; } = new();
}

/// <summary>An S3-compatible bucket; credentials come from configuration or the environment, never defaults.</summary>
public sealed class S3MediaOptions
{
    /// <summary>For S3-compatible services (MinIO, Ceph, Garage, ...); empty for AWS itself.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Region { get; set; } = "eu-central-1";

    public string Bucket { get; set; } = "";

    /// <summary>Key prefix inside the bucket, e.g. <c>smile/</c>.</summary>
    public string Prefix { get; set; } = "";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which most S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
