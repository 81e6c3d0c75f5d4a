using System.Net;
using System.Security.Cryptography;
using System.Text;
using Smile.Cms.Configuration;

namespace Smile.Cms.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint (<c>Smile:Telemetry:Prometheus</c>), mapped only when enabled, optionally
/// limited to given networks and a bearer token: metrics name followers, receivers and nodes, which is nobody's
/// business outside the city's network.
/// </summary>
public static class PrometheusEndpoint
{
    public static IEndpointRouteBuilder MapPrometheus(this IEndpointRouteBuilder endpoints, PrometheusOptions options)
    {
        if (!options.Enabled)
        {
            return endpoints;
        }

        var networks = options.AllowedNetworks.Select(IPNetwork.Parse).ToList();
        var token = string.IsNullOrEmpty(options.BearerToken) ? null : Encoding.UTF8.GetBytes("Bearer " + options.BearerToken);
        endpoints.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (networks.Count > 0 && !(http.Connection.RemoteIpAddress is { } address && networks.Exists(n => n.Contains(Unmapped(address)))))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            if (token is not null && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()), token))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(http);
        }), optionsName: null);
        return endpoints;
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
