using System.Text;

namespace Smile.Media.Detection;

/// <summary>
/// Recognises a file from its first bytes (magic numbers), never from its name or the client's content type.
/// Refusals name the problem in German for editors.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> wants to see.</summary>
    public const int HeadLength = 4096;

    public static MediaFormat Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return MediaFormat.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaFormat.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return MediaFormat.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaFormat.WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return MediaFormat.Pdf;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoMedia(head, fileName);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            // Matroska and WebM share EBML; only WebM plays in every browser.
            return head[..Math.Min(head.Length, 64)].IndexOf("webm"u8) >= 0
                ? MediaFormat.WebM
                : throw new MediaUploadException($"„{fileName}“ ist ein Matroska-Video (MKV). Bitte als MP4 oder WebM hochladen.");
        }

        var text = Text(head);
        if (text.StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            return MediaFormat.WebVtt;
        }

        if (LooksLikeSvg(text))
        {
            throw new MediaUploadException($"„{fileName}“ ist eine SVG-Grafik. SVG wird nicht angenommen, weil eine SVG-Datei Skripte und Verweise auf fremde Server enthalten kann. Bitte als PNG oder WebP hochladen.");
        }

        if (Path.GetExtension(fileName).Equals(".vtt", StringComparison.OrdinalIgnoreCase))
        {
            throw new MediaUploadException($"„{fileName}“, Zeile 1: Eine WebVTT-Datei muss mit „WEBVTT“ beginnen.");
        }

        if (Path.GetExtension(fileName).Equals(".srt", StringComparison.OrdinalIgnoreCase))
        {
            throw new MediaUploadException($"„{fileName}“ ist eine SRT-Untertiteldatei. Bitte in WebVTT (.vtt) umwandeln; Browser zeigen nur WebVTT an.");
        }

        throw new MediaUploadException($"Das Format von „{fileName}“ wird nicht unterstützt. Erlaubt sind Bilder (JPEG, PNG, GIF, WebP, AVIF), PDF, Videos (MP4, WebM) und Untertitel (WebVTT).");
    }

    private static MediaFormat IsoMedia(ReadOnlySpan<byte> head, string fileName)
    {
        var boxLength = (int)Math.Min(head.Length, Math.Max(16, (uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3])));
        var brands = new List<string>();
        for (var i = 8; i + 4 <= boxLength; i += 4)
        {
            if (i == 12)
            {
                continue; // minor version, not a brand
            }

            brands.Add(Encoding.ASCII.GetString(head[i..(i + 4)]));
        }

        if (brands.Contains("avif") || brands.Contains("avis"))
        {
            return MediaFormat.Avif;
        }

        if (brands.Any(b => b is "heic" or "heix" or "mif1" or "msf1"))
        {
            throw new MediaUploadException($"„{fileName}“ ist ein HEIC-Bild (z. B. vom iPhone). Bitte als JPEG oder AVIF exportieren.");
        }

        if (brands.Any(b => b.StartsWith("qt", StringComparison.Ordinal)))
        {
            throw new MediaUploadException($"„{fileName}“ ist ein QuickTime-Video (MOV). Bitte als MP4 oder WebM exportieren.");
        }

        return MediaFormat.Mp4;
    }

    private static string Text(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        return Encoding.UTF8.GetString(head);
    }

    private static bool LooksLikeSvg(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('<') && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
