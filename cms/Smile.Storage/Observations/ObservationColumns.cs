namespace Smile.Storage.Observations;

/// <summary>An observation's fields as the observations table stores them, for the providers' batch writers.</summary>
public static class ObservationColumns
{
    public const string InsertColumns = "datastream_id, phenomenon_time_ms, result_time_ms, result, parameters, source_key, stored_at_ms";

    public static long PhenomenonTimeMs(ObservationWrite row) => UnixMs.From(row.Observation.PhenomenonTime);

    public static long? ResultTimeMs(ObservationWrite row) => row.Observation.ResultTime is { } time ? UnixMs.From(time) : null;

    /// <summary>SensorThings <c>parameters</c> as JSON text, when sent.</summary>
    public static string? ParametersJson(ObservationWrite row) => row.Observation.Parameters?.ToJsonString();
}
