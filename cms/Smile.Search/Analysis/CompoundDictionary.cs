using System.Collections.Concurrent;

namespace Smile.Search.Analysis;

/// <summary>
/// The words German compounds are split into, learned from the indexed vocabulary itself: every stem of
/// four letters or more that the index has seen. A compound's tail ("Gemeinschafts|garten") and head
/// ("Bewässerungs|systeme") are looked up here; no outside word list is needed, so nothing of unknown
/// licence ships with Smile, and the dictionary speaks the site's own language (place names, projects).
/// </summary>
public sealed class CompoundDictionary
{
    /// <summary>Shorter parts ("rat", "tag") would split far too much.</summary>
    public const int MinPartLength = 4;

    /// <summary>A head names the thing modified ("stadt" in "Stadtteil"): a little longer, as short heads mislead.</summary>
    public const int MinHeadLength = 5;

    /// <summary>What must remain of the word besides the part, so a part is never the word with an ending.</summary>
    public const int MinRemainderLength = 3;

    private readonly ConcurrentDictionary<string, byte> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CompoundDictionary() => _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _words.Count;

    public void Learn(ReadOnlySpan<char> stem)
    {
        if (stem.Length >= MinPartLength && IsWord(stem) && !_lookup.ContainsKey(stem))
        {
            _lookup.TryAdd(stem, 0);
        }
    }

    public bool Contains(ReadOnlySpan<char> stem) => _lookup.ContainsKey(stem);

    /// <summary>The longest known head and the longest known tail of a stemmed word; none for a plain word.</summary>
    public void Split(ReadOnlySpan<char> stem, List<string> parts)
    {
        if (stem.Length < MinPartLength + MinRemainderLength)
        {
            return;
        }

        for (var start = MinRemainderLength; start <= stem.Length - MinPartLength; start++)
        {
            if (_lookup.ContainsKey(stem[start..]))
            {
                parts.Add(stem[start..].ToString());
                break;
            }
        }

        for (var length = stem.Length - MinRemainderLength; length >= MinHeadLength; length--)
        {
            if (_lookup.ContainsKey(stem[..length]))
            {
                parts.Add(stem[..length].ToString());
                break;
            }
        }
    }

    private static bool IsWord(ReadOnlySpan<char> stem)
    {
        foreach (var c in stem)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
