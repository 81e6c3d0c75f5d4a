using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smile.Webhooks.Sending;

/// <summary>
/// HMAC-SHA256 with the receiver's secret over <c>{timestamp}.{body}</c>: the timestamp header is signed too, so
/// a captured request cannot be replayed later with a fresh timestamp. Receivers check it in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Smile-Signature";
    public const string TimestampHeader = "X-Smile-Timestamp";
    public const string DeliveryHeader = "X-Smile-Delivery";
    public const string AttemptHeader = "X-Smile-Attempt";

    /// <summary>The header value: <c>sha256=</c> and the lower-case hex digest.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestamp, string body, string signature) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, seconds, body)), Encoding.ASCII.GetBytes(signature));
}
