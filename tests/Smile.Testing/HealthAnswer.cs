using System.Text.Json;

namespace Smile.Testing;

/// <summary>Reads the overall status from the CMS's JSON health answers (<c>/healthz</c>, <c>/readyz</c>).</summary>
public static class HealthAnswer
{
    public static async Task<string> StatusAsync(HttpClient client, string path = "/readyz")
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return StatusOf(await response.Content.ReadAsStringAsync());
    }

    public static string StatusOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString()!;
    }
}
