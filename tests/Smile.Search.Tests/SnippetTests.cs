namespace Smile.Search.Tests;

/// <summary>What a hit's snippets show: the matched words marked, in the passages that hold most of them.</summary>
public sealed class SnippetTests : IDisposable
{
    private readonly TemporaryIndexes _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task A_phrase_is_marked_where_its_words_stand_together_not_where_they_stand_apart()
    {
        _index.Add("a", "Plätze", "Die Fläche ist gepflastert. Eine gepflasterte Fläche speichert Wärme.");

        var snippet = Assert.Single(Assert.Single((await _index.SearchAsync("\"gepflasterte Fläche\"")).Hits).Snippets);

        Assert.Equal("Die Fläche ist gepflastert. Eine <mark>gepflasterte</mark> <mark>Fläche</mark> speichert Wärme.", snippet);
    }

    [Fact]
    public async Task Words_are_marked_wherever_they_occur_in_any_form()
    {
        _index.Add("a", "Bäume", "Ein Baum im Park, viele Bäume am Hafen.");

        var snippet = Assert.Single(Assert.Single((await _index.SearchAsync("Bäume")).Hits).Snippets);

        Assert.Equal("Ein <mark>Baum</mark> im Park, viele <mark>Bäume</mark> am Hafen.", snippet);
    }

    [Fact]
    public async Task A_long_text_gives_its_two_best_passages_the_one_with_more_query_words_first()
    {
        var filler = string.Join(" ", Enumerable.Repeat("Das Wetter war heute ruhig und klar.", 12));
        _index.Add("a", "Bericht", $"Der Garten blüht. {filler} Im Garten steht eine Pumpe. {filler} Nichts weiter.");

        var snippets = Assert.Single((await _index.SearchAsync("Garten Pumpe")).Hits).Snippets;

        Assert.Equal(2, snippets.Count);
        Assert.Contains("<mark>Garten</mark> steht eine <mark>Pumpe</mark>", snippets[0], StringComparison.Ordinal);
        Assert.StartsWith("Der <mark>Garten</mark> blüht.", snippets[1], StringComparison.Ordinal);
        Assert.All(snippets, s => Assert.True(s.Length < 2 * 160, s));
        Assert.DoesNotContain("Nichts weiter", string.Concat(snippets), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hit_by_its_title_alone_has_no_snippets()
    {
        _index.Add("a", "Stadtgarten", "Hier steht nur Text ohne das Wort.");

        var hit = Assert.Single((await _index.SearchAsync("Stadtgarten")).Hits);

        Assert.Empty(hit.Snippets);
    }
}
