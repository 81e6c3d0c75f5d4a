namespace Smile.Api.GraphQL.Execution;

/// <summary>The <c>Smile:Api</c> configuration section: the limits that keep the public API safe to expose.</summary>
public sealed class ApiOptions
{
    public const string Section = "Smile:Api";

    public int MaxDepth { get; set; } = 12;

    /// <summary>Set so the site's and the examples' queries pass and a three-level list explosion does not.</summary>
    public int MaxComplexity { get; set; } = 10_000;

    public int MaxAliases { get; set; } = 50;

    public int MaxBatchSize { get; set; } = 10;

    public long MaxRequestBytes { get; set; } = 256 * 1024;

    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When true, anonymous callers may only run the persisted documents (<c>documentId</c>).</summary>
    public bool PersistedDocumentsOnly { get; set; }

    /// <summary>Requests per minute per client IP (anonymous) and per API key.</summary>
    public int RequestsPerMinutePerClient { get; set; } = 600;

    public int RequestsPerMinutePerApiKey { get; set; } = 3000;

    /// <summary>Seconds shared caches may serve an anonymous GET answer before revalidating with the ETag.</summary>
    public int CacheSeconds { get; set; } = 30;

    /// <summary>
    /// Memory for finished answers to anonymous reads, keyed like the ETag so any publish replaces them
    /// (see <c>ResponseCache</c>); 0 turns the cache off and every request is executed.
    /// </summary>
    public int ResponseCacheMegabytes { get; set; } = 32;

    /// <summary>The licence the data is published under: the <c>dataLicense</c> field of the API.</summary>
    public string DataLicense { get; set; } = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";
}
