using Microsoft.AspNetCore.Http;
using Smile.Content.Security;

namespace Smile.Api.GraphQL.Transport;

public enum CallerKind
{
    Anonymous,
    Cookie,
    ApiKey,

    /// <summary>Presented credentials that are unknown or revoked: refused, never treated as anonymous.</summary>
    Invalid,
}

public sealed record Caller(Actor Actor, CallerKind Kind, string PartitionKey);

/// <summary>Who is calling: the host knows about cookies and API keys; the API only asks.</summary>
public interface ICallerResolver
{
    Task<Caller> ResolveAsync(HttpContext http, CancellationToken cancellationToken);
}
