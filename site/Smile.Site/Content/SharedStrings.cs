using System.Collections.Concurrent;

namespace Smile.Site.Content;

/// <summary>
/// One string for each field name and short value repeated across the items of one fetch (every item names its
/// fields, its type and culture, its tags' ids and titles): ten thousand items kept them ten thousand times.
/// </summary>
internal sealed class SharedStrings
{
    // Longer values (texts, dates, paths) are rarely the same twice: not worth a lookup.
    private const int Longest = 32;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Share(string value) => value.Length > Longest ? value : _strings.GetOrAdd(value, value);
}
