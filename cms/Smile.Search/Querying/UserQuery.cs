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
        var text = (input ?? "").Length > MaxLength ? input![..MaxLength] : input ?? "";
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
        return new UserQuery(words.ToString(), phrases);
    }
}
