using Lucene.Net.Analysis.TokenAttributes;
using Smile.Search.Analysis;
using Smile.Search.Indexing;

namespace Smile.Search.Tests;

/// <summary>Phrases in quotes: looked up by the pairs of adjacent words, they must match exactly what a phrase means.</summary>
public sealed class PhraseTests : IDisposable
{
    private readonly TemporaryIndexes _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task A_phrase_of_three_words_matches_only_where_they_stand_in_a_row()
    {
        _index.Add("row", "Start", "Die neue digitale Bürgerplattform startet heute.");
        _index.Add("apart", "Start", "Die neue Bürgerplattform ist digitale Arbeit.");
        _index.Add("reversed", "Start", "Die digitale neue Bürgerplattform startet.");

        Assert.Equal(["row"], await _index.FindAsync("\"neue digitale Bürgerplattform\""));
    }

    [Fact]
    public async Task A_phrase_of_three_words_is_not_matched_by_its_pairs_standing_apart()
    {
        _index.Add("pairs apart", "Start", "Die neue Stadt wächst. Jede Stadt plant anders.");
        _index.Add("row", "Start", "Die neue Stadt plant den Hafen.");

        Assert.Equal(["row"], await _index.FindAsync("\"neue Stadt plant\""));
    }

    [Fact]
    public async Task A_phrase_finds_a_compound_whose_known_part_stands_in_it()
    {
        _index.Add("garden", "Unser Garten", "Der Garten wächst.");
        _index.Add("community", "Treffpunkt", "Der Gemeinschaftsgarten lädt alle ein.");
        _index.Add("other", "Treffpunkt", "Der Garten ist offen, die Schule lädt ein.");

        Assert.Equal(["community"], await _index.FindAsync("\"Garten lädt\""));
    }

    [Fact]
    public async Task A_phrase_with_a_stop_word_inside_matches_where_its_words_stand_that_far_apart()
    {
        _index.Add("gap", "Ufer", "Zwischen Stadt und Hafen liegt ein Park.");
        _index.Add("adjacent", "Ufer", "Die Stadt Hafen ist ein Ortsteil.");
        _index.Add("reversed", "Ufer", "Zwischen Hafen und Stadt liegt ein Park.");

        Assert.Equal(["gap"], await _index.FindAsync("\"Stadt und Hafen\""));
    }

    [Fact]
    public async Task A_phrase_in_the_title_alone_is_found()
    {
        _index.Add("title", "Smarte Hanse verbindet Städte", "Ein Netzwerk für Kommunen.");
        _index.Add("text", "Netzwerk", "Die Hanse ist smart und verbindet.");

        Assert.Equal(["title"], await _index.FindAsync("\"Smarte Hanse\""));
    }

    [Fact]
    public async Task A_phrase_of_three_words_is_marked_in_the_snippet()
    {
        _index.Add("row", "Start", "Heute startet die neue digitale Bürgerplattform, nicht jede digitale Plattform.");

        var snippet = Assert.Single(Assert.Single((await _index.SearchAsync("\"neue digitale Bürgerplattform\"")).Hits).Snippets);

        Assert.Equal("Heute startet die <mark>neue</mark> <mark>digitale</mark> <mark>Bürgerplattform</mark>, nicht jede digitale Plattform.", snippet);
    }

    [Fact]
    public void The_pair_field_holds_each_word_with_the_next_a_compound_and_its_parts_alike_and_nothing_across_a_stop_word()
    {
        using var analysis = CultureAnalysis.For("de", splitCompounds: true);
        Tokens(analysis, IndexFields.Text, "Garten");

        var pairs = Tokens(analysis, IndexFields.TextPairs, "Der Gemeinschaftsgarten lädt Kinder und Eltern ein.");

        Assert.Equal(
            [("gemeinschaftsgart ladt", 1), ("gart ladt", 1), ("ladt kind", 2)],
            pairs);
    }

    private static List<(string Term, int Position)> Tokens(CultureAnalysis analysis, string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analysis.Indexing.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }
}
