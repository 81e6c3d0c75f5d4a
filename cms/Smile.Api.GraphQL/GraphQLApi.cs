using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Smile.Api.GraphQL.Diagnostics;
using Smile.Api.GraphQL.Execution;
using Smile.Api.GraphQL.Schema;
using Smile.Api.GraphQL.Transport;

namespace Smile.Api.GraphQL;

/// <summary>Wiring of the public GraphQL API: <c>AddSmileGraphQL()</c> and <c>MapSmileGraphQL()</c>.</summary>
public static class GraphQLApi
{
    public const string Endpoint = "/api/graphql";

    /// <param name="persistedDocumentFolders">Folders whose <c>*.graphql</c> files are the persisted documents.</param>
    public static IServiceCollection AddSmileGraphQL(this IServiceCollection services, params string[] persistedDocumentFolders)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddSingleton<SchemaService>();
        services.AddSingleton(PersistedDocuments.FromFolders(persistedDocumentFolders));
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<GraphQLMetrics>();
        services.AddSingleton<GraphQLHttpHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapSmileGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Endpoint, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, GraphQLHttpHandler handler) => handler.HandleAsync(http));
        endpoints.MapMethods(Endpoint, [HttpMethods.Options], GraphQLHttpHandler.PreflightAsync);
        var ide = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "GraphiQL"));
        endpoints.MapGet(GraphiQLPage.AssetPath + "/{file}", async (HttpContext http, string file) =>
        {
            var info = ide.GetFileInfo(file);
            if (!info.Exists || info.IsDirectory)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            var type = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript";
            return Results.Stream(info.CreateReadStream(), type + "; charset=utf-8");
        });
        return endpoints;
    }
}
