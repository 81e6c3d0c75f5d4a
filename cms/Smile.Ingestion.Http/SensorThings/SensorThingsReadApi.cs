using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smile.Content.Items;
using Smile.Content.Observations;
using Smile.Content.Querying;

namespace Smile.Ingestion.Http.SensorThings;

/// <summary>
/// A SensorThings v1.1 read API over the published SensorStation (Thing) and Datastream items and the stored
/// observations, so FROST clients and Masterportal can read the city's sensors. Anonymous, like the public API.
/// </summary>
public static class SensorThingsReadApi
{
    public const string Root = "/sta/v1.1";
    private const string StationType = "SensorStation";
    private const string DatastreamType = "Datastream";

    public static IEndpointRouteBuilder MapSensorThingsReadApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Root, (HttpContext http) => Results.Json(new JsonObject
        {
            // The collections read here; observations are read per datastream, locations per thing.
            ["value"] = new JsonArray(
                Entry("Things", BaseUrl(http.Request)),
                Entry("Datastreams", BaseUrl(http.Request))),
        }));
        endpoints.MapGet(Root + "/Things", (HttpContext http, IContentReader reader) =>
            ListAsync(http, reader, StationType, v => true, SensorThingsJson.Thing));
        endpoints.MapGet(Root + "/Things({id})", (HttpContext http, IContentReader reader, string id) =>
            OneAsync(http, reader, StationType, id, SensorThingsJson.Thing));
        endpoints.MapGet(Root + "/Things({id})/Datastreams", (HttpContext http, IContentReader reader, string id) =>
            ListAsync(http, reader, DatastreamType, v => StationOf(v) == Unquote(id), SensorThingsJson.Datastream));
        endpoints.MapGet(Root + "/Things({id})/Locations", async (HttpContext http, IContentReader reader, string id) =>
        {
            var station = await reader.GetVersionAsync(Unquote(id), VersionStatus.Published, http.RequestAborted);
            if (station?.ContentType != StationType)
            {
                return NotFound("Thing", id);
            }

            var locations = station.Fields["location"] is JsonObject point ? new JsonArray(SensorThingsJson.Location(station, point)) : [];
            return Results.Json(new JsonObject { ["value"] = locations });
        });
        endpoints.MapGet(Root + "/Datastreams", (HttpContext http, IContentReader reader) =>
            ListAsync(http, reader, DatastreamType, v => true, SensorThingsJson.Datastream));
        endpoints.MapGet(Root + "/Datastreams({id})", (HttpContext http, IContentReader reader, string id) =>
            OneAsync(http, reader, DatastreamType, id, SensorThingsJson.Datastream));
        endpoints.MapGet(Root + "/Datastreams({id})/Observations", ObservationsAsync);
        return endpoints;
    }

    /// <summary>The API's own address as the caller sees it (behind the forwarded-headers middleware).</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Root}";

    private static async Task<IResult> ObservationsAsync(HttpContext http, IContentReader reader, IObservationReader observations, string id)
    {
        var datastreamId = Unquote(id);
        var datastream = await reader.GetVersionAsync(datastreamId, VersionStatus.Published, http.RequestAborted);
        if (datastream?.ContentType != DatastreamType)
        {
            return NotFound("Datastream", id);
        }

        var (query, error) = SensorThingsQuery.Parse(http.Request.Query, observations: true);
        if (query is null)
        {
            return ApiKeys.Problem(StatusCodes.Status400BadRequest, error!);
        }

        var page = await observations.ListAsync(new ObservationQuery
        {
            DatastreamId = datastreamId,
            From = query.From,
            To = query.To,
            Skip = query.Skip,
            Take = query.Top + 1,
            NewestFirst = query.NewestFirst,
        }, http.RequestAborted);
        var baseUrl = BaseUrl(http.Request);
        var value = new JsonArray([.. page.Take(query.Top).Select(o => (JsonNode)SensorThingsJson.Observation(o, baseUrl))]);
        return Page(http, value, page.Count > query.Top, query, count: null);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IContentReader reader, string contentType, Func<ContentVersion, bool> include, Func<ContentVersion, string, JsonObject> toJson)
    {
        var (query, error) = SensorThingsQuery.Parse(http.Request.Query, observations: false);
        if (query is null)
        {
            return ApiKeys.Problem(StatusCodes.Status400BadRequest, error!);
        }

        // Stations and datastreams number in the hundreds at most: read them whole, then page.
        var all = new List<ContentVersion>();
        for (var offset = 0; ; offset += 100)
        {
            var page = await reader.QueryAsync(new ContentQuery
            {
                ContentType = contentType,
                Culture = null,
                Offset = offset,
                Take = 100,
                OrderBy = [new Smile.Content.Querying.SortKey(CommonField.Title, Descending: false)],
                IncludeTotalCount = false,
            }, http.RequestAborted);
            all.AddRange(page.Items.Where(include));
            if (!page.HasMore)
            {
                break;
            }
        }

        var baseUrl = BaseUrl(http.Request);
        var value = new JsonArray([.. all.Skip(query.Skip).Take(query.Top).Select(v => (JsonNode)toJson(v, baseUrl))]);
        return Page(http, value, all.Count > query.Skip + query.Top, query, query.Count ? all.Count : null);
    }

    private static async Task<IResult> OneAsync(HttpContext http, IContentReader reader, string contentType, string id, Func<ContentVersion, string, JsonObject> toJson)
    {
        var version = await reader.GetVersionAsync(Unquote(id), VersionStatus.Published, http.RequestAborted);
        return version?.ContentType == contentType
            ? Results.Json(toJson(version, BaseUrl(http.Request)))
            : NotFound(contentType == StationType ? "Thing" : "Datastream", id);
    }

    private static IResult Page(HttpContext http, JsonArray value, bool hasMore, SensorThingsQuery query, int? count)
    {
        var body = new JsonObject();
        if (count is { } total)
        {
            body["@iot.count"] = total;
        }

        if (hasMore)
        {
            var parameters = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            parameters["$skip"] = (query.Skip + query.Top).ToString(CultureInfo.InvariantCulture);
            parameters["$top"] = query.Top.ToString(CultureInfo.InvariantCulture);
            var request = http.Request;
            body["@iot.nextLink"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?" +
                string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        }

        body["value"] = value;
        return Results.Json(body);
    }

    private static JsonObject Entry(string name, string baseUrl) => new() { ["name"] = name, ["url"] = $"{baseUrl}/{name}" };

    private static string? StationOf(ContentVersion datastream) => datastream.Fields["station"] is JsonArray { Count: > 0 } ids ? ids[0]?.GetValue<string>() : null;

    /// <summary>SensorThings quotes string ids: <c>Things('station-dierkow')</c>; plain <c>Things(station-dierkow)</c> is accepted too.</summary>
    private static string Unquote(string id) => id.Length >= 2 && id[0] == '\'' && id[^1] == '\'' ? id[1..^1] : id;

    private static IResult NotFound(string entity, string id) => ApiKeys.Problem(StatusCodes.Status404NotFound, $"No published {entity} has the id {id}.");
}
