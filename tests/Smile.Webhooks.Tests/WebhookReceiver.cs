using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smile.Webhooks.Tests;

/// <summary>A real HTTP receiver on a free loopback port: records every request and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public IReadOnlyList<ReceivedRequest> Accepted => [.. _requests.Where(r => r.AnsweredWith == StatusCodes.Status200OK)];

    /// <summary>Answers 503 to every request while true.</summary>
    public bool Down { get; set; }

    /// <summary>Answers 500 to the next <paramref name="count"/> requests.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver.Down ? StatusCodes.Status503ServiceUnavailable
                : Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? StatusCodes.Status500InternalServerError
                : StatusCodes.Status200OK;
            receiver._requests.Enqueue(new ReceivedRequest(
                body,
                request.Headers["X-Smile-Delivery"].ToString(),
                request.Headers["X-Smile-Timestamp"].ToString(),
                request.Headers["X-Smile-Signature"].ToString(),
                request.ContentType,
                status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Body, string DeliveryId, string Timestamp, string Signature, string? ContentType, int AnsweredWith);
