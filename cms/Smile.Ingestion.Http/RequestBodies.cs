using Microsoft.AspNetCore.Http;

namespace Smile.Ingestion.Http;

internal static class RequestBodies
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body, or null when it is larger than a message may be.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
