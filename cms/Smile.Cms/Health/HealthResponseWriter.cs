using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Smile.Cms.Health;

/// <summary>
/// Health answers as JSON: the overall status, and each check's status, description and data, so whoever is
/// paged sees which check failed and why (the follower that is behind, the migration pending).
/// </summary>
public static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        // Written to memory first: the serializer flushes synchronously, and the server allows only asynchronous writes.
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, report);
        }

        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    private static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            // An exception's message may name hosts or paths: it goes to the log, not to an anonymous caller.
            json.WriteString("description", entry.Description ?? (entry.Exception is null ? null : "The check failed; see the log."));
            if (entry.Data.Count > 0)
            {
                json.WritePropertyName("data");
                JsonSerializer.Serialize(json, entry.Data);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
