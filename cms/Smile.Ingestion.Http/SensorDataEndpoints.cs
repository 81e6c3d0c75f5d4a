using Microsoft.AspNetCore.Routing;
using Smile.Ingestion.Http.DeadLetters;
using Smile.Ingestion.Http.SensorThings;
using Smile.Ingestion.Http.TheThingsStack;

namespace Smile.Ingestion.Http;

public static class SensorDataEndpoints
{
    /// <summary>The SensorThings read and write API, The Things Stack webhook and the dead letters.</summary>
    public static IEndpointRouteBuilder MapSensorDataApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSensorThingsReadApi();
        endpoints.MapSensorThingsWriteApi();
        endpoints.MapTheThingsStackWebhook();
        endpoints.MapDeadLetterApi();
        return endpoints;
    }
}
