using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Smile.Ingestion.Pipeline;

namespace Smile.Ingestion.Http.TheThingsStack;

/// <summary>
/// The Things Stack's webhook integration posts uplinks here with the shared secret in a header. The Stack does
/// not resend a refused uplink, so an unusable one is kept as a dead letter (202 with the reason), never refused.
/// </summary>
public static class TheThingsStackWebhook
{
    public const string Path = "/api/ingestion/thethingsstack/uplink";
    public const string SecretHeader = "X-Smile-Webhook-Secret";

    public static IEndpointRouteBuilder MapTheThingsStackWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext http, IngestionPipeline pipeline, IOptions<IngestionOptions> options) =>
        {
            var secret = options.Value.TheThingsStack.WebhookSecret;
            if (string.IsNullOrEmpty(secret))
            {
                return ApiKeys.Problem(StatusCodes.Status404NotFound, "The Things Stack webhook is off: set Smile:Ingestion:TheThingsStack:WebhookSecret to turn it on.");
            }

            var presented = http.Request.Headers[SecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret)))
            {
                return ApiKeys.Problem(StatusCodes.Status401Unauthorized, $"The header {SecretHeader} is missing or does not match the configured secret.");
            }

            var body = await RequestBodies.ReadAsync(http.Request);
            if (body is null)
            {
                return ApiKeys.Problem(StatusCodes.Status413PayloadTooLarge, $"An uplink is at most {RequestBodies.MaxBytes} bytes.");
            }

            var outcome = await pipeline.IngestAsync(new IngestionMessage(MessageFormat.TheThingsStack, Path, body) { Source = IngestionSource.TheThingsStackWebhook }, http.RequestAborted);
            return outcome.Result == IngestionResult.DeadLettered
                ? Results.Json(new { result = "deadLettered", reason = outcome.Reason }, statusCode: StatusCodes.Status202Accepted)
                : Results.Json(new { result = outcome.Result == IngestionResult.Stored ? "stored" : "duplicate", observations = outcome.Stored });
        });
        return endpoints;
    }
}
