using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Smile.Media.Validation;

/// <summary>
/// Checks captions before they are stored: the <c>WEBVTT</c> signature, UTF-8 text, and every cue timing
/// (<c>00:00:01.000 --> 00:00:04.000</c>) parses and ends after it starts. Errors name the line.
/// </summary>
public static partial class WebVttValidator
{
    /// <summary>The number of cues; throws <see cref="MediaUploadException"/> naming the first bad line.</summary>
    public static int Validate(byte[] bytes, string fileName)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error(fileName, null, "Die Datei ist nicht in UTF-8 gespeichert. Bitte als UTF-8 speichern.");
        }

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (!Signature().IsMatch(lines[0]))
        {
            throw Error(fileName, 1, "Eine WebVTT-Datei muss mit „WEBVTT“ beginnen.");
        }

        var cues = 0;
        var i = 1;
        while (i < lines.Length)
        {
            if (lines[i].Length == 0)
            {
                i++;
                continue;
            }

            var blockStart = i;
            var first = lines[i];
            if (first.StartsWith("NOTE", StringComparison.Ordinal) || first.StartsWith("STYLE", StringComparison.Ordinal) || first.StartsWith("REGION", StringComparison.Ordinal))
            {
                i = SkipBlock(lines, i);
                continue;
            }

            var timingLine = first.Contains("-->", StringComparison.Ordinal) ? i : i + 1;
            if (timingLine >= lines.Length || !lines[timingLine].Contains("-->", StringComparison.Ordinal))
            {
                throw Error(fileName, blockStart + 1, $"erwartet wird eine Zeitangabe wie „00:00:01.000 --> 00:00:04.000“, gefunden „{Shorten(first)}“.");
            }

            CheckTiming(lines[timingLine], fileName, timingLine + 1);
            cues++;
            i = SkipBlock(lines, timingLine);
        }

        return cues > 0 ? cues : throw Error(fileName, null, "Die Datei enthält keine Untertitel (keinen einzigen Cue).");
    }

    private static void CheckTiming(string line, string fileName, int lineNumber)
    {
        var match = Timing().Match(line);
        if (!match.Success)
        {
            throw Error(fileName, lineNumber, $"die Zeitangabe „{Shorten(line)}“ ist ungültig; erwartet wird „00:00:01.000 --> 00:00:04.000“ (Stunden optional, Millisekunden dreistellig).");
        }

        var start = Time(match.Groups["start"].Value, fileName, lineNumber);
        var end = Time(match.Groups["end"].Value, fileName, lineNumber);
        if (end <= start)
        {
            throw Error(fileName, lineNumber, $"der Untertitel endet ({match.Groups["end"].Value}) nicht nach seinem Beginn ({match.Groups["start"].Value}).");
        }
    }

    private static TimeSpan Time(string value, string fileName, int lineNumber)
    {
        var parts = value.Split(':');
        var hours = parts.Length == 3 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(parts[^2], CultureInfo.InvariantCulture);
        var seconds = decimal.Parse(parts[^1], CultureInfo.InvariantCulture);
        if (minutes > 59 || seconds >= 60)
        {
            throw Error(fileName, lineNumber, $"„{value}“ ist keine gültige Zeit (Minuten und Sekunden höchstens 59).");
        }

        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds((double)seconds);
    }

    private static int SkipBlock(string[] lines, int i)
    {
        while (i < lines.Length && lines[i].Length > 0)
        {
            i++;
        }

        return i;
    }

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "…" : line;

    private static MediaUploadException Error(string fileName, int? line, string problem) =>
        new(line is null ? $"„{fileName}“: {problem}" : $"„{fileName}“, Zeile {line}: {problem}");

    [GeneratedRegex(@"^WEBVTT([ \t].*)?$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"^(?<start>(\d{2,}:)?\d{2}:\d{2}\.\d{3})[ \t]+-->[ \t]+(?<end>(\d{2,}:)?\d{2}:\d{2}\.\d{3})([ \t].*)?$")]
    private static partial Regex Timing();
}
