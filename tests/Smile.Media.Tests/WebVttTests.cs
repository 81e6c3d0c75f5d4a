using System.Text;

namespace Smile.Media.Tests;

/// <summary>Captions are checked on upload: signature, timings, and the line of the first problem.</summary>
public sealed class WebVttTests(TestDatabases databases)
{
    private const string Valid = """
        WEBVTT - Eröffnung HafenSport

        NOTE Untertitel der Stadtverwaltung

        1
        00:00:01.000 --> 00:00:04.500
        Willkommen am Stadthafen!

        00:00:05.000 --> 00:01:02.250 align:start
        Hier leihen Sie Sportgeräte kostenlos aus.
        """;

    [Fact]
    public async Task A_valid_WebVTT_file_is_stored_as_text_vtt()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);

        var result = await media.UploadAsync(Encoding.UTF8.GetBytes(Valid), "untertitel-de.txt");

        Assert.Equal(("text/vtt", "untertitel-de.vtt"), (result.Asset.ContentType, result.Asset.FileName));
    }

    [Theory]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:04,500\nKomma statt Punkt", "Zeile 3: die Zeitangabe „00:00:01.000 --> 00:00:04,500“ ist ungültig")]
    [InlineData("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nRückwärts", "Zeile 3: der Untertitel endet (00:00:04.000) nicht nach seinem Beginn (00:00:05.000)")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGut\n\nNur Text ohne Zeit\nzweite Zeile", "Zeile 6: erwartet wird eine Zeitangabe")]
    [InlineData("WEBVTT\n\n00:75:01.000 --> 00:76:02.000\nZu viele Minuten", "Zeile 3: „00:75:01.000“ ist keine gültige Zeit")]
    [InlineData("WEBVTT\n\nNOTE nur eine Notiz", "enthält keine Untertitel")]
    public async Task A_WebVTT_file_with_a_problem_is_refused_naming_the_line(string vtt, string expected)
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);

        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.UploadAsync(Encoding.UTF8.GetBytes(vtt), "untertitel.vtt"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("„untertitel.vtt“", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await media.RowCountAsync());
    }

    [Fact]
    public async Task Captions_without_the_WEBVTT_signature_are_refused_at_line_1()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);

        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.UploadAsync("1\n00:00:01.000 --> 00:00:02.000\nHallo"u8.ToArray(), "untertitel.vtt"));

        Assert.Equal("„untertitel.vtt“, Zeile 1: Eine WebVTT-Datei muss mit „WEBVTT“ beginnen.", error.Message);
    }
}
