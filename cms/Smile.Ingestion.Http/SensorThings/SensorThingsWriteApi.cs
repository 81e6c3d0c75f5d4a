using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smile.Content.Security;
using Smile.Ingestion.Datastreams;
using Smile.Ingestion.Pipeline;
using Smile.Storage.ApiKeys;

namespace Smile.Ingestion.Http.SensorThings;

/// <summary>
/// SensorThings-compatible <c>POST Observations</c>. The caller holds the message, so a bad one is refused
/// with 400 and the reason (no dead letter); a good one is answered 201 once its batch is committed.
/// </summary>
public static class SensorThingsWriteApi
{
    public static IEndpointRouteBuilder MapSensorThingsWriteApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SensorThingsReadApi.Root + "/Observations", (HttpContext http, IngestionPipeline pipeline, DatastreamCatalog catalog, ApiKeyService keys, TimeProvider clock) =>
            PostAsync(http, pipeline, catalog, keys, clock));
        endpoints.MapPost(SensorThingsReadApi.Root + "/Datastreams({id})/Observations", (HttpContext http, IngestionPipeline pipeline, DatastreamCatalog catalog, ApiKeyService keys, TimeProvider clock) =>
            PostAsync(http, pipeline, catalog, keys, clock));
        return endpoints;
    }

    private static async Task<IResult> PostAsync(HttpContext http, IngestionPipeline pipeline, DatastreamCatalog catalog, ApiKeyService keys, TimeProvider clock)
    {
        var (_, refusal) = await ApiKeys.RequireAsync(http, keys, Permission.IngestObservations);
        if (refusal is not null)
        {
            return refusal;
        }

        var body = await RequestBodies.ReadAsync(http.Request);
        if (body is null)
        {
            return ApiKeys.Problem(StatusCodes.Status413PayloadTooLarge, $"An Observation is at most {RequestBodies.MaxBytes} bytes.");
        }

        var message = new IngestionMessage(MessageFormat.SensorThings, http.Request.Path.Value ?? "", body) { Source = IngestionSource.SensorThingsHttp };
        var checkedFirst = pipeline.Parse(message, await catalog.CurrentAsync(http.RequestAborted), clock.GetUtcNow().UtcDateTime);
        if (!checkedFirst.IsValid)
        {
            return ApiKeys.Problem(StatusCodes.Status400BadRequest, checkedFirst.Error!);
        }

        var outcome = await pipeline.IngestAsync(message, http.RequestAborted);
        if (outcome.Result == IngestionResult.DeadLettered)
        {
            // The datastream vanished between the check and the commit: rare, and the caller can send again.
            return ApiKeys.Problem(StatusCodes.Status400BadRequest, outcome.Reason!);
        }

        var observation = checkedFirst.Observations[0].Observation;
        var baseUrl = SensorThingsReadApi.BaseUrl(http.Request);
        http.Response.Headers.Location = SensorThingsJson.ObservationLink(observation, baseUrl);
        return Results.Json(SensorThingsJson.Observation(observation, baseUrl), statusCode: StatusCodes.Status201Created);
    }
}
