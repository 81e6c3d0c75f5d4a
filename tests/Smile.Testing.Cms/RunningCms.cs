using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Testing;

namespace Smile.Testing.Cms;

/// <summary>A seeded CMS started in-process, with an HTTP client for its public API.</summary>
public sealed class RunningCms : IAsyncDisposable
{
    private RunningCms(CmsInstallation installation, CmsFactory factory)
    {
        Installation = installation;
        Factory = factory;
        Client = factory.CreateClient(new() { AllowAutoRedirect = false });
    }

    public CmsInstallation Installation { get; }

    public CmsFactory Factory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<RunningCms> StartAsync(TestDatabases databases, string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var installation = await CmsInstallation.CreateAsync(databases, provider, settings);
        try
        {
            return new RunningCms(installation, installation.Start());
        }
        catch
        {
            await installation.DisposeAsync();
            throw;
        }
    }

    /// <summary>POSTs a GraphQL request as JSON and returns the status and the parsed body.</summary>
    public async Task<GraphQLResponse> QueryAsync(string query, object? variables = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        configure?.Invoke(request);
        using var response = await Client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Installation.DisposeAsync();
    }
}

public sealed record GraphQLResponse(HttpStatusCode Status, JsonObject Body, string? MediaType)
{
    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"] as JsonArray;

    public string FirstError => Errors?[0]?["message"]?.GetValue<string>() ?? "";

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["raw"] = text };
        }
        catch (JsonException)
        {
            body = new JsonObject { ["raw"] = text };
        }

        return new GraphQLResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }
}
