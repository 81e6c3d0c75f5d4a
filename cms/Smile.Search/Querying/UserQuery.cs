namespace Smile.Search.Querying;

/// <summary>
/// What someone typed, taken apart without a query parser: quoted phrases and plain words. Nothing in
/// it is syntax (no operators, wildcards, fields or escapes), so no input can fail to parse. Typographic
/// quotes count as quotes; a quote without its partner is ignored.
/// </summary>
public sealed record UserQuery(string Words, IReadOnlyList<string> Phrases)
{
    /// <summary>Longer input is cut: nobody types more, and the words past it would only cost time.</summary>
    public const int MaxLength = 1000;

    public static UserQuery Parse(string? input)
    {
        var text = Shorten(input ?? "");
        var quotes = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '"' or '„' or '“' or '”' or '«' or '»')
            {
                quotes.Add(i);
            }
        }

        var phrases = new List<string>();
        var words = new System.Text.StringBuilder();
        var start = 0;
        for (var q = 0; q + 1 < quotes.Count; q += 2)
        {
            words.Append(text, start, quotes[q] - start).Append(' ');
            phrases.Add(text[(quotes[q] + 1)..quotes[q + 1]]);
            start = quotes[q + 1] + 1;
        }

        words.Append(text, start, text.Length - start);
        return new UserQuery(Separate(words.ToString()), [.. phrases.Select(Separate)]);
    }

    /// <summary>
    /// Syntax characters separate words: the tokenizer would otherwise keep "title:Hafen" together (a colon
    /// joins letters in Unicode word rules), which nobody means.
    /// </summary>
    private static string Separate(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is ':' or '+' or '&' or '|' or '!' or '(' or ')' or '{' or '}' or '[' or ']' or '^' or '~' or '*' or '?' or '\\' or '/' or '<' or '>' or '=' or ';' or '#' or '@'
                    ? ' '
                    : source[i];
            }
        });

    /// <summary>Cuts at the last space before the limit, so no word is searched for as a fragment of itself.</summary>
    private static string Shorten(string input)
    {
        if (input.Length <= MaxLength)
        {
            return input;
        }

        var space = input.LastIndexOf(' ', MaxLength);
        return input[..(space > 0 ? space : MaxLength)];
    }
}
