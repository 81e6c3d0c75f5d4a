namespace Smile.Search.Tests;

/// <summary>Whatever is typed, search answers: no input is syntax, none raises an error.</summary>
public sealed class HostileQueryTests : IDisposable
{
    private readonly TemporaryIndexes _index = new();

    public HostileQueryTests()
    {
        _index.Add("a", "HafenSport am Stadthafen", "Die Ausleihbox ist offen: Sport für alle (auch am Wochenende).");
        _index.Add("b", "Stadtlabor", "Das Stadtlabor informiert über Bauvorhaben.");
    }

    public void Dispose() => _index.Dispose();

    public static TheoryData<string> Inputs() =>
    [
        "\"HafenSport",
        "HafenSport\"",
        "\"\"\"",
        "*",
        "?",
        "HafenSport*",
        "title:HafenSport",
        "HafenSport AND OR NOT",
        "(HafenSport",
        "HafenSport~2",
        "HafenSport^100",
        "[a TO z]",
        "{!lucene} + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /",
        "\\",
        "🚀 HafenSport 🎉",
        "🚀🎉👩‍👩‍👧",
        "\u0000\u0001\u200b",
        "'; DROP TABLE content_items; --",
        "",
        "   ",
        "der die das und",
        new string('x', 10_000),
        string.Concat(Enumerable.Repeat("Sport ", 2_000)),
        string.Concat(Enumerable.Repeat("\"Sport\" ", 1_500)),
        string.Concat(Enumerable.Range(0, 2_000).Select(i => $"w{i} ")),
    ];

    [Theory, MemberData(nameof(Inputs))]
    public async Task Any_input_answers_without_an_error(string input)
    {
        var result = await _index.SearchAsync(input);

        Assert.NotNull(result);
        Assert.True(result.TotalCount >= result.Hits.Count);
    }

    [Fact]
    public async Task Syntax_characters_are_read_as_the_words_around_them()
    {
        Assert.Equal(["a"], await _index.FindAsync("+HafenSport:"));
        Assert.Equal(["a"], await _index.FindAsync("Stadthafen/HafenSport"));
        Assert.Equal(["a"], await _index.FindAsync("(HafenSport*"));
        Assert.Equal(["a"], await _index.FindAsync("\"HafenSport"));
        Assert.Equal(["a"], await _index.FindAsync("🚀 HafenSport 🎉"));
    }

    [Fact]
    public async Task Input_with_nothing_searchable_finds_nothing()
    {
        Assert.Empty(await _index.FindAsync("*"));
        Assert.Empty(await _index.FindAsync("der die das"));
        Assert.Empty(await _index.FindAsync("🚀🎉"));
    }

    [Fact]
    public async Task A_query_of_many_repeated_words_finds_what_the_word_finds()
    {
        Assert.Equal(["a"], await _index.FindAsync(string.Concat(Enumerable.Repeat("Sport ", 2_000))));
    }
}
