using System.Text.Json.Nodes;

namespace Smile.Content.Observations;

/// <summary>
/// One reading of a datastream (a SensorThings Observation). Observations are not content items: they
/// live in a time-series table, identified by their datastream and <see cref="PhenomenonTime"/>.
/// </summary>
public sealed record Observation(string DatastreamId, DateTime PhenomenonTime, double Result, DateTime? ResultTime = null, JsonObject? Parameters = null);
