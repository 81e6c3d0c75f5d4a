using System.Security.Claims;
using Smile.Api.GraphQL.Transport;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;
using Smile.Storage.Identity;

namespace Smile.Cms.Security;

/// <summary>Machines present an API key (<c>Authorization: Bearer smile_…</c> or <c>X-Api-Key</c>); editors a sign-in cookie.</summary>
public sealed class CallerResolver(ApiKeyService keys) : ICallerResolver
{
    public async Task<Caller> ResolveAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var client = "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (PresentedKey(http.Request) is { } presented)
        {
            var actor = await keys.AuthenticateAsync(presented, cancellationToken);
            return actor is null
                ? new Caller(Actor.Anonymous, CallerKind.Invalid, client)
                : new Caller(actor, CallerKind.ApiKey, ApiRateLimiter.ApiKeyPrefix + actor.Id);
        }

        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var permissions = http.User.FindAll(SmileRole.PermissionClaimType)
                .Select(c => Enum.TryParse<Permission>(c.Value, out var p) ? p : (Permission?)null)
                .OfType<Permission>()
                .ToHashSet();
            return new Caller(new Actor(userId, permissions), CallerKind.Cookie, "user:" + userId);
        }

        return new Caller(Actor.Anonymous, CallerKind.Anonymous, client);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"] is [{ Length: > 0 } key])
        {
            return key;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
