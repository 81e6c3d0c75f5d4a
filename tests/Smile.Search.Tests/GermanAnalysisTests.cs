namespace Smile.Search.Tests;

/// <summary>German stemming, gendered forms and compounds, on a real index.</summary>
public sealed class GermanAnalysisTests : IDisposable
{
    private readonly TemporaryIndexes _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Buergerinnen_finds_Buerger()
    {
        _index.Add("a", "Sprechstunde", "Alle Bürger sind eingeladen.");

        Assert.Equal(["a"], await _index.FindAsync("Bürgerinnen"));
        Assert.Equal(["a"], await _index.FindAsync("Bürgerin"));
        Assert.Equal(["a"], await _index.FindAsync("Bürger*innen"));
    }

    [Fact]
    public async Task Buerger_finds_the_gendered_forms()
    {
        _index.Add("a", "Beteiligung", "Bürgerinnen und Bürger*innen reden mit.");

        Assert.Equal(["a"], await _index.FindAsync("Bürger"));
    }

    [Fact]
    public async Task Gaerten_finds_Gemeinschaftsgarten_once_Garten_is_known()
    {
        _index.Add("garden", "Unser Garten", "Der Garten wächst.");
        _index.Add("community", "Neuer Treffpunkt", "Im Nordwesten entsteht ein Gemeinschaftsgarten.");

        var found = await _index.FindAsync("Gärten");

        Assert.Contains("community", found);
        Assert.Contains("garden", found);
    }

    [Fact]
    public async Task Hafensport_finds_HafenSport()
    {
        _index.Add("a", "HafenSport am Stadthafen", "Die Ausleihbox von HafenSport ist offen.");

        Assert.Equal(["a"], await _index.FindAsync("Hafensport"));
        Assert.Equal(["a"], await _index.FindAsync("hafensport"));
    }

    [Fact]
    public async Task Bewaesserung_finds_Bewaesserungssysteme_by_the_compound_head()
    {
        _index.Add("words", "Pflege", "Bewässerung ist teuer.");
        _index.Add("compound", "Dierkow", "Pilothaft entstehen innovative Bewässerungssysteme.");

        var result = await _index.SearchAsync("Bewässerung");

        Assert.Contains("compound", result.Hits.Select(h => h.ItemId));
        var snippet = Assert.Single(result.Hits.Single(h => h.ItemId == "compound").Snippets);
        Assert.Contains("<mark>Bewässerungssysteme</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_compound_splitting_a_compound_is_found_only_as_a_whole()
    {
        using var plain = new TemporaryIndexes(splitCompounds: false);
        plain.Add("words", "Pflege", "Bewässerung ist teuer.");
        plain.Add("compound", "Dierkow", "Pilothaft entstehen innovative Bewässerungssysteme.");

        Assert.Equal(["words"], await plain.FindAsync("Bewässerung"));
        Assert.Equal(["compound"], await plain.FindAsync("Bewässerungssysteme"));
    }

    [Fact]
    public async Task Plural_and_umlauts_are_stemmed_alike()
    {
        _index.Add("a", "Häuser der Stadt", "Projekte in allen Stadtteilen.");

        Assert.Equal(["a"], await _index.FindAsync("Haus"));
        Assert.Equal(["a"], await _index.FindAsync("Projekt"));
        Assert.Equal(["a"], await _index.FindAsync("Stadtteil"));
        Assert.Equal(["a"], await _index.FindAsync("Hauser"));
    }

    [Fact]
    public async Task Leichte_Sprache_is_analysed_as_German()
    {
        _index.Add("ls", "Die Gärten", "Hier wachsen Blumen.", culture: "de-x-ls");

        Assert.Equal(["ls"], await _index.FindAsync("Garten", culture: "de-x-ls"));
    }

    [Fact]
    public async Task English_has_its_own_index_and_English_stemming()
    {
        _index.Add("en", "Community gardens", "Neighbours are planting together.", culture: "en");

        Assert.Equal(["en"], await _index.FindAsync("garden", culture: "en"));
        Assert.Empty(await _index.FindAsync("garden"));
    }

    [Fact]
    public async Task Typos_are_forgiven_only_when_nothing_matches_exactly()
    {
        _index.Add("a", "Stadtlabor", "Das Stadtlabor liegt in Rathausnähe.");

        var typo = await _index.SearchAsync("Stadtlabr");
        var exact = await _index.SearchAsync("Stadtlabor");

        Assert.True(typo.Fuzzy);
        Assert.Equal("a", Assert.Single(typo.Hits).ItemId);
        Assert.False(exact.Fuzzy);
    }

    [Fact]
    public async Task A_typo_is_forgiven_in_the_title_and_in_the_text_alike()
    {
        // The word's automata are built once and shared by its queries on every field: each field must still find its own terms.
        _index.Add("title", "Regenwasserspeicher", "Ein Becken am Stadtrand.");
        _index.Add("text", "Becken", "Ein Regenwasserspeicher am Stadtrand.");
        _index.Add("other", "Becken", "Ein Regenrückhaltebecken am Stadtrand.");

        var typo = await _index.SearchAsync("Regenwaserspeicher");

        Assert.True(typo.Fuzzy);
        Assert.Equal(["text", "title"], typo.Hits.Select(h => h.ItemId).Order());
    }

    [Fact]
    public async Task Quotes_make_a_phrase_that_must_match_in_order()
    {
        _index.Add("ordered", "Fläche", "Eine gepflasterte Fläche wird begrünt.");
        _index.Add("apart", "Fläche", "Die Fläche ist nicht gepflastert, sondern begrünt.");

        Assert.Equal(["ordered"], await _index.FindAsync("\"gepflasterte Fläche\""));
        Assert.Equal(2, (await _index.FindAsync("gepflasterte Fläche")).Count);
    }

    [Fact]
    public async Task Snippets_escape_the_text_but_not_the_marks()
    {
        _index.Add("a", "Sicher", "Ein <script>alert('x')</script> & Garten \"mit\" Zaun.");

        var snippet = Assert.Single(Assert.Single((await _index.SearchAsync("Garten")).Hits).Snippets);

        Assert.Equal("Ein &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>Garten</mark> &quot;mit&quot; Zaun.", snippet);
    }
}
