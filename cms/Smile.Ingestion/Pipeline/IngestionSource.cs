namespace Smile.Ingestion.Pipeline;

/// <summary>Which way a message came in: a tag on the ingestion metrics, never part of what is stored.</summary>
public enum IngestionSource
{
    Mqtt,
    TheThingsStackWebhook,
    SensorThingsHttp,
    Replay,
}
