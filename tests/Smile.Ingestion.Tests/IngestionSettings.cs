namespace Smile.Ingestion.Tests;

internal static class IngestionSettings
{
    public const string WebhookSecret = "dierkow-webhook-secret-42";
    public const string Device = "dierkow-node-1";

    /// <summary>MQTT on the test broker with a client id of its own, the Dierkow node mapped, the webhook on.</summary>
    public static Dictionary<string, string?> For(int brokerPort)
    {
        var settings = Payloads.DeviceMapping(Device);
        settings["Smile:Ingestion:Mqtt:Enabled"] = "true";
        settings["Smile:Ingestion:Mqtt:Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Smile:Ingestion:Mqtt:Host"] = "127.0.0.1";
        settings["Smile:Ingestion:Mqtt:ClientId"] = "smile-test-" + Guid.NewGuid().ToString("N")[..8];
        settings["Smile:Ingestion:TheThingsStack:WebhookSecret"] = WebhookSecret;
        return settings;
    }
}
