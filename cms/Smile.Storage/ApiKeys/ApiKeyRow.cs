namespace Smile.Storage.ApiKeys;

/// <summary>A machine credential. Only a hash of the secret is kept; the secret is shown once at creation.</summary>
public sealed class ApiKeyRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret, hex. Secrets are 256 random bits, so a fast hash is enough.</summary>
    public required string SecretHash { get; set; }

    /// <summary>Permission names, comma separated.</summary>
    public required string Permissions { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
