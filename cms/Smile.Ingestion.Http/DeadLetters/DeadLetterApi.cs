using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smile.Content.Security;
using Smile.Ingestion.DeadLetters;
using Smile.Ingestion.Pipeline;
using Smile.Storage.ApiKeys;

namespace Smile.Ingestion.Http.DeadLetters;

/// <summary>Dead letters for editors (API key with EditAllContent): what failed and why, and a replay once it is fixed.</summary>
public static class DeadLetterApi
{
    public const string Path = "/api/ingestion/dead-letters";

    public static IEndpointRouteBuilder MapDeadLetterApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext http, ApiKeyService keys, DeadLetterService letters, bool? all) =>
        {
            var (_, refusal) = await ApiKeys.RequireAsync(http, keys, Permission.EditAllContent);
            if (refusal is not null)
            {
                return refusal;
            }

            var list = await letters.ListAsync(waitingOnly: all != true, cancellationToken: http.RequestAborted);
            return Results.Json(new
            {
                value = list.Select(d => new { id = d.Id, source = d.Source, address = d.Address, reason = d.Reason, payload = d.Payload, receivedAt = d.ReceivedAt, replayedAt = d.ReplayedAt }),
            });
        });
        endpoints.MapPost(Path + "/{id:long}/replay", async (HttpContext http, ApiKeyService keys, DeadLetterService letters, long id) =>
        {
            var (_, refusal) = await ApiKeys.RequireAsync(http, keys, Permission.EditAllContent);
            if (refusal is not null)
            {
                return refusal;
            }

            var outcome = await letters.ReplayAsync(id, http.RequestAborted);
            return outcome switch
            {
                null => ApiKeys.Problem(StatusCodes.Status404NotFound, $"There is no dead letter {id}."),
                { Result: IngestionResult.DeadLettered } => ApiKeys.Problem(StatusCodes.Status422UnprocessableEntity, "Still not storable: " + outcome.Reason),
                _ => Results.Json(new { result = outcome.Result == IngestionResult.Stored ? "stored" : "duplicate", observations = outcome.Stored, note = outcome.Reason }),
            };
        });
        return endpoints;
    }
}
