namespace Smile.Benchmarks.Search;

internal enum QueryKind
{
    OneWord,
    TwoWords,
    Phrase,
    Typo,
}

/// <summary>One query as a person types it, and the same for SQLite FTS5 (whose syntax needs quoting).</summary>
internal sealed record BenchmarkQuery(QueryKind Kind, string Typed, string? Fts5);

/// <summary>Queries drawn from the corpus itself, so each (but the typos) has at least one exact match.</summary>
internal static class Queries
{
    private static readonly HashSet<string> Short = new(StringComparer.OrdinalIgnoreCase) { "der", "die", "das", "und", "in", "mit", "für", "von", "auf", "ist", "wird", "ein", "eine", "im", "am", "zum", "zur", "auch", "es", "sich", "werden", "den", "dem", "des", "nach", "bei", "über", "aus" };

    public static IReadOnlyList<BenchmarkQuery> Draw(IReadOnlyList<Corpus.Article> articles, int perKind, int seed = 7)
    {
        var random = new Random(seed);
        var queries = new List<BenchmarkQuery>();
        foreach (var kind in Enum.GetValues<QueryKind>())
        {
            while (queries.Count(q => q.Kind == kind) < perKind)
            {
                var words = articles[random.Next(articles.Count)].Body.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
                var at = random.Next(words.Length - 1);
                var first = words[at];
                var second = words[random.Next(words.Length)];
                if (!Content(first) || !Content(second))
                {
                    continue;
                }

                switch (kind)
                {
                    case QueryKind.OneWord:
                        queries.Add(new(kind, first, Quote(first)));
                        break;
                    case QueryKind.TwoWords when !string.Equals(first, second, StringComparison.OrdinalIgnoreCase):
                        queries.Add(new(kind, first + " " + second, Quote(first) + " " + Quote(second)));
                        break;
                    case QueryKind.Phrase when Content(words[at + 1]):
                        var phrase = first + " " + words[at + 1];
                        queries.Add(new(kind, "\"" + phrase + "\"", Quote(phrase)));
                        break;
                    case QueryKind.Typo when first.Length >= 7:
                        var i = random.Next(2, first.Length - 2);
                        queries.Add(new(kind, first[..i] + first[i + 1] + first[i] + first[(i + 2)..], null));
                        break;
                }
            }
        }

        return queries;
    }

    private static bool Content(string word) => word.Length >= 4 && char.IsLetter(word[^1]) && !Short.Contains(word);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
