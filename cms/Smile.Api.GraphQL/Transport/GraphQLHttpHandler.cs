using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Smile.Api.GraphQL.Diagnostics;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP at <c>/api/graphql</c>: GET and POST, batches, CORS for anonymous reads, a CSRF guard
/// for cookie callers, and ETags for anonymous GETs that are answered without executing the query.
/// </summary>
public sealed class GraphQLHttpHandler(GraphQLExecutor executor, IContentReader reader, ICallerResolver callers, ApiRateLimiter limiter, ResponseCache responses, GraphQLMetrics? metrics = null)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string PreflightHeader = "GraphQL-Preflight";
    // German text stays readable in responses: no \u00F6 for ö.
    private static readonly GraphQLSerializer Serializer = new(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (GraphiQLPage.Wants(http.Request))
        {
            await GraphiQLPage.WriteAsync(http, http.Request.PathBase + http.Request.Path);
            return;
        }

        AddCorsHeaders(http.Response);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        (OperationType? Operation, bool Persisted, bool Faulted) measured = default;
        try
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = executor.Options.MaxRequestBytes;
            }

            var caller = await callers.ResolveAsync(http, cancellationToken);
            using var permit = await limiter.AcquireAsync(caller.PartitionKey, 1, cancellationToken);
            if (!permit.IsAcquired)
            {
                var retryAfter = permit.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(http, StatusCodes.Status429TooManyRequests, $"Too many requests; try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.");
                return;
            }

            if (caller.Kind == CallerKind.Invalid)
            {
                await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "The API key is unknown or revoked.");
                return;
            }

            if (caller.Kind == CallerKind.Cookie && !ForcesPreflight(http.Request))
            {
                await WriteErrorAsync(http, StatusCodes.Status403Forbidden, $"Requests signed in by cookie must send the header '{PreflightHeader}: 1' (or a JSON body), so other sites cannot make them on an editor's behalf.");
                return;
            }

            var isGet = HttpMethods.IsGet(http.Request.Method);
            var parsed = isGet
                ? RequestReader.FromQueryString(http.Request.Query, Serializer)
                : await RequestReader.FromBodyAsync(http.Request, Serializer, executor.Options.MaxRequestBytes, cancellationToken);
            measured.Persisted = parsed.Requests.Count > 0 && parsed.Requests[0].DocumentId is not null;
            if (parsed.Requests.Count == 0)
            {
                await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "The batch is empty.");
                return;
            }

            if (parsed.Requests.Count > executor.Options.MaxBatchSize)
            {
                await WriteErrorAsync(http, StatusCodes.Status400BadRequest, $"A batch holds at most {executor.Options.MaxBatchSize} requests, not {parsed.Requests.Count}.");
                return;
            }

            if (isGet && parsed.Requests.Any(r => IsMutation(r.Query)))
            {
                http.Response.Headers.Allow = "POST";
                await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, "Mutations are not allowed over GET; use POST.");
                return;
            }

            var state = await reader.StateAsync(cancellationToken);
            if (isGet && caller.Kind == CallerKind.Anonymous && !parsed.IsBatch)
            {
                var tag = EntityTag(parsed.CacheKey, state);
                http.Response.Headers.ETag = tag;
                http.Response.Headers.CacheControl = $"public, max-age={executor.Options.CacheSeconds}";
                if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag)))
                {
                    http.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }
            else
            {
                http.Response.Headers.CacheControl = "no-store";
            }

            http.Response.ContentType = ResponseMediaType(http.Request) + "; charset=utf-8";
            // Only anonymous callers share answers: API keys and editors may read drafts, and their answers are theirs.
            if (caller.Kind == CallerKind.Anonymous && !parsed.IsBatch && responses.Enabled)
            {
                measured.Operation = await AnswerThroughCacheAsync(http, parsed, caller, state, cancellationToken);
                return;
            }

            var results = new List<ExecutionResult>(parsed.Requests.Count);
            foreach (var request in parsed.Requests)
            {
                results.Add(await executor.ExecuteAsync(request, caller.Actor, state, cancellationToken));
            }

            measured.Operation = results[0].Operation?.Operation;
            if (parsed.IsBatch)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                await Serializer.WriteAsync(http.Response.Body, results, cancellationToken);
            }
            else
            {
                http.Response.StatusCode = StatusFor(results[0]);
                await Serializer.WriteAsync(http.Response.Body, results[0], cancellationToken);
            }
        }
        catch (RequestReader.BadRequestException ex)
        {
            await WriteErrorAsync(http, ex.Status, ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {executor.Options.MaxRequestBytes} bytes.");
        }
        catch
        {
            measured.Faulted = true;
            throw;
        }
        finally
        {
            metrics?.Handled(http, started, measured.Operation, measured.Persisted, measured.Faulted);
        }
    }

    /// <summary>Answers from the cache or executes and keeps the answer; only queries are kept, so a hit is a query.</summary>
    private async Task<OperationType?> AnswerThroughCacheAsync(HttpContext http, RequestReader.Parsed parsed, Caller caller, ContentState state, CancellationToken cancellationToken)
    {
        var key = string.Concat(http.Request.Method, "\u001e", http.Request.ContentType, "\u001e", parsed.CacheKey);
        if (!responses.TryGet(key, state, out var entry))
        {
            var (result, cacheable) = await executor.ExecuteCacheableAsync(parsed.Requests[0], caller.Actor, state, cancellationToken);
            var status = StatusFor(result);
            var operation = result.Operation?.Operation;
            if (!cacheable || operation != OperationType.Query || status != StatusCodes.Status200OK || result.Errors is { Count: > 0 })
            {
                // Errors may be passing (a timeout, the database away): written, never kept.
                http.Response.StatusCode = status;
                await Serializer.WriteAsync(http.Response.Body, result, cancellationToken);
                return operation;
            }

            using var buffer = new MemoryStream();
            await Serializer.WriteAsync(buffer, result, cancellationToken);
            entry = new ResponseCache.Entry(buffer.ToArray(), status);
            responses.Add(key, state, entry);
        }

        http.Response.StatusCode = entry!.Status;
        http.Response.ContentLength = entry.Body.Length;
        await http.Response.Body.WriteAsync(entry.Body, cancellationToken);
        return OperationType.Query;
    }

    public static void AddCorsHeaders(HttpResponse response)
    {
        // Open to every origin, without credentials: browsers never send an editor's cookie cross-origin.
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = "ETag, Retry-After";
    }

    public static Task PreflightAsync(HttpContext http)
    {
        AddCorsHeaders(http.Response);
        http.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        http.Response.Headers.AccessControlAllowHeaders = $"Content-Type, Authorization, X-Api-Key, If-None-Match, {PreflightHeader}";
        http.Response.Headers.AccessControlMaxAge = "86400";
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>
    /// 200 when there is data; otherwise 4xx by what went wrong (GraphQL-over-HTTP for the
    /// graphql-response media type): 403 for authorization, 400 for anything the request got wrong.
    /// </summary>
    private static int StatusFor(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors || (result.Executed && HasData(result)))
        {
            return StatusCodes.Status200OK;
        }

        if (errors.Any(e => e.Code == ApiErrors.Forbidden))
        {
            return StatusCodes.Status403Forbidden;
        }

        if (errors.Any(e => e.Code == ApiErrors.Internal))
        {
            return StatusCodes.Status500InternalServerError; // a fault of ours (the database is down), never of the input
        }

        return errors.Any(e => e is global::GraphQL.Execution.TimeoutError) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
    }

    private static bool HasData(ExecutionResult result) =>
        result.Data is not null && (result.Errors is null || result.Errors.All(e => e.Code is not (ApiErrors.Forbidden or ApiErrors.BadUserInput)));

    private static bool ForcesPreflight(HttpRequest request) =>
        request.Headers.ContainsKey(PreflightHeader)
        || (HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private static bool IsMutation(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return false;
        }

        try
        {
            return Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().Any(o => o.Operation != OperationType.Query);
        }
        catch (GraphQLParserException)
        {
            return false; // the executor reports the syntax error, or that the document is nested too deep to parse
        }
    }

    private static string EntityTag(string cacheKey, ContentState state)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cacheKey}\u001e{state.SchemaVersion}\u001e{state.OutboxPosition}\u001e{state.ObservationBatches}"));
        return "\"" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>The GraphQL-over-HTTP media type, unless the client asks for plain JSON only.</summary>
    private static string ResponseMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var plainJsonOnly = accept.Count > 0
            && accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("*/*", StringComparison.Ordinal));
        return plainJsonOnly ? "application/json" : GraphQLResponseMediaType;
    }

    public static async Task WriteErrorAsync(HttpContext http, int status, string message)
    {
        AddCorsHeaders(http.Response);
        http.Response.StatusCode = status;
        http.Response.ContentType = ResponseMediaType(http.Request) + "; charset=utf-8";
        await Serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message)], Executed = false }, http.RequestAborted);
    }
}
