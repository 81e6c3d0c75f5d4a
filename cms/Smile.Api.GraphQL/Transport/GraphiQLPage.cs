using System.Net;
using Microsoft.AspNetCore.Http;

namespace Smile.Api.GraphQL.Transport;

/// <summary>The GraphQL IDE for people: served at the endpoint to browsers, with every asset from this server.</summary>
internal static class GraphiQLPage
{
    public const string AssetPath = "/api/graphql/ide";

    private const string DefaultQuery = """
        # Smile: the content of Smile City Rostock. Press the play button.
        {
          newsArticles(first: 5) {
            totalCount
            nodes { title path publishedAt teaser }
          }
        }
        """;

    public static bool Wants(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("documentId")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static Task WriteAsync(HttpContext http, string endpoint)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        return http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Smile GraphQL API</title>
              <link rel="stylesheet" href="{{AssetPath}}/graphiql.min.css">
              <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
            </head>
            <body>
              <div id="graphiql" data-endpoint="{{WebUtility.HtmlEncode(endpoint)}}" data-default-query="{{WebUtility.HtmlEncode(DefaultQuery)}}">Loading the GraphQL IDE…</div>
              <script src="{{AssetPath}}/react.production.min.js"></script>
              <script src="{{AssetPath}}/react-dom.production.min.js"></script>
              <script src="{{AssetPath}}/graphiql.min.js"></script>
              <script src="{{AssetPath}}/graphiql-init.js"></script>
            </body>
            </html>
            """, http.RequestAborted);
    }
}
