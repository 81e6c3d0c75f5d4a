namespace Smile.Site.Outputs;

/// <summary>A file the build writes besides pages: feeds, sitemap, calendar, redirects.</summary>
public sealed record GeneratedFile(string Path, byte[] Bytes);
