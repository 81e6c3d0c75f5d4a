using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Smile.Storage.Webhooks;

namespace Smile.Webhooks.Sending;

/// <summary>One attempt of one delivery: the stored body, signed now, POSTed to the receiver.</summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _clock = clock;
        // Redirects are not followed: a POST that lands elsewhere is the receiver's misconfiguration, shown as such.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.Value.Timeout,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Smile-Webhooks", "1"));
    }

    public async Task<AttemptOutcome> SendAsync(WebhookDeliveryRow delivery, WebhookReceiverOptions receiver, CancellationToken cancellationToken)
    {
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(receiver.Secret, timestamp, delivery.Payload));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.AttemptHeader, (delivery.Attempts + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new AttemptOutcome(true, status, null)
                : new AttemptOutcome(false, status, $"Der Empfänger antwortete mit HTTP {status} ({response.ReasonPhrase}).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(false, null, $"Der Empfänger antwortete nicht innerhalb von {_http.Timeout.TotalSeconds:0} Sekunden.");
        }
        catch (HttpRequestException e)
        {
            return new AttemptOutcome(false, null, "Der Empfänger ist nicht erreichbar: " + e.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>How one attempt went; <see cref="Status"/> is null when no answer came.</summary>
public sealed record AttemptOutcome(bool Succeeded, int? Status, string? Error);
