using Microsoft.AspNetCore.Http;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;

namespace Smile.Ingestion.Http;

/// <summary>Machines present an API key as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>, as for the GraphQL API.</summary>
internal static class ApiKeys
{
    /// <summary>The caller's actor, or an error result naming what is missing.</summary>
    public static async Task<(Actor? Actor, IResult? Refusal)> RequireAsync(HttpContext http, ApiKeyService keys, Permission permission)
    {
        var presented = http.Request.Headers["X-Api-Key"].ToString();
        var authorization = http.Request.Headers.Authorization.ToString();
        if (presented.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }

        if (presented.Length == 0)
        {
            return (null, Problem(StatusCodes.Status401Unauthorized, $"An API key is required (header X-Api-Key) with the permission {permission}."));
        }

        var actor = await keys.AuthenticateAsync(presented, http.RequestAborted);
        if (actor is null)
        {
            return (null, Problem(StatusCodes.Status401Unauthorized, "The API key is unknown or revoked."));
        }

        return actor.Has(permission)
            ? (actor, null)
            : (null, Problem(StatusCodes.Status403Forbidden, $"The API key lacks the permission {permission}."));
    }

    public static IResult Problem(int status, string message) => Results.Json(new { error = new { code = status, message } }, statusCode: status);
}
