using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Smile.Search.Analysis;
using Smile.Search.Indexing;

namespace Smile.Search.Querying;

/// <summary>
/// Marks a query's words in a hit's text and cuts the best passages around them. The text is analysed once
/// as queries are (stems), each token looked up without allocating, and only the chosen passages are written
/// out. A compound is split, as when it was indexed, only when a query word begins or ends it: splitting every
/// word looked up each of its heads and tails in the dictionary. Lucene's highlighter did the same work with a few strings per
/// token and, for phrases, an index in memory per hit: most of a search's time and nearly all of its garbage.
/// Words are marked wherever they occur; a phrase's words only where the whole phrase does.
/// </summary>
internal sealed class HitHighlighter
{
    public const int SnippetLength = 160;
    public const int SnippetsPerHit = 2;

    /// <summary>How many words of context a passage shows before its first mark.</summary>
    private const int WordsBefore = 4;

    private readonly Analyzer _analyzer;
    private readonly CompoundDictionary? _dictionary;
    private readonly List<string> _parts = [];
    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<int> _words = [];
    private readonly List<(int Term, int Offset)[]> _phrases = [];

    // A hit's words and found terms, filled anew for each hit of the page: growing fresh lists was a good part of a search's garbage.
    private readonly List<(int Start, int End)> _wordsOfHit = [];
    private readonly List<(int Position, int Start, int End, int Term, int Word)> _found = [];

    /// <param name="query">The rewritten query: fuzzy words already expanded to the terms they matched.</param>
    /// <param name="analyzer">The culture's query analysis: indexing's without compound splitting.</param>
    /// <param name="dictionary">The compounds the index was split with; null when it was not.</param>
    public HitHighlighter(Query query, Analyzer analyzer, CompoundDictionary? dictionary)
    {
        _analyzer = analyzer;
        _dictionary = dictionary;
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        Collect(query);
    }

    /// <summary>Passages of the text with the matched words in &lt;mark&gt;; the rest HTML-escaped, white space folded.</summary>
    public IReadOnlyList<string> Snippets(string? text)
    {
        if (string.IsNullOrEmpty(text) || _terms.Count == 0)
        {
            return [];
        }

        var (marks, words) = Analyse(text);
        if (marks.Count == 0)
        {
            return [];
        }

        // A passage around each mark, starting a few words before it; the best hold the most different query
        // words, then the most marks (ties go to the earlier one), and two passages never overlap.
        var candidates = marks
            .Select(m => Passage(text, words, m.Word))
            .Distinct()
            .Select((p, i) => (Passage: p, Index: i, Score: Score(marks, p.Start, p.End)))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Index)
            .ToList();
        var snippets = new List<string>(SnippetsPerHit);
        var chosen = new List<(int Start, int End)>(SnippetsPerHit);
        foreach (var (passage, _, _) in candidates)
        {
            if (chosen.Count == SnippetsPerHit)
            {
                break;
            }

            if (chosen.Any(c => passage.Start < c.End && c.Start < passage.End))
            {
                continue;
            }

            var snippet = Write(text, passage.Start, passage.End, marks).Trim();
            if (snippet.Length > 0)
            {
                chosen.Add(passage);
                snippets.Add(snippet);
            }
        }

        return snippets;
    }

    /// <summary>From a few words before the word at <paramref name="word"/> up to the last word that fits, with what follows it up to the next word.</summary>
    private static (int Start, int End) Passage(string text, List<(int Start, int End)> words, int word)
    {
        // A word near the beginning is shown from the beginning.
        var first = words[word].End <= SnippetLength * 2 / 3 ? 0 : Math.Max(0, word - WordsBefore);
        var start = first == 0 ? 0 : words[first].Start;
        var last = word;
        while (last + 1 < words.Count && words[last + 1].End - start <= SnippetLength)
        {
            last++;
        }

        return (start, last + 1 < words.Count ? words[last + 1].Start : text.Length);
    }

    private (List<(int Start, int End, int Term, int Word)> Marks, List<(int Start, int End)> Words) Analyse(string text)
    {
        var found = _found;
        var words = _wordsOfHit;
        found.Clear();
        words.Clear();
        using (var stream = _analyzer.GetTokenStream(IndexFields.Text, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offsets = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                // Compound parts stand at their word's position and offsets: one word, however many tokens.
                if (increment.PositionIncrement > 0 || words.Count == 0)
                {
                    words.Add((offsets.StartOffset, offsets.EndOffset));
                }

                position += increment.PositionIncrement;
                var stem = term.Buffer.AsSpan(0, term.Length);
                if (_lookup.TryGetValue(stem, out var id))
                {
                    found.Add((position, offsets.StartOffset, offsets.EndOffset, id, words.Count - 1));
                }

                foreach (var part in Parts(stem))
                {
                    if (_lookup.TryGetValue(part, out var partId))
                    {
                        found.Add((position, offsets.StartOffset, offsets.EndOffset, partId, words.Count - 1));
                    }
                }
            }

            stream.End();
        }

        return (Marked(found), words);
    }

    /// <summary>The compound parts the index holds for a word, when a query word could be one of them.</summary>
    private List<string> Parts(ReadOnlySpan<char> stem)
    {
        _parts.Clear();
        if (_dictionary is null || stem.Length < CompoundDictionary.MinPartLength + CompoundDictionary.MinRemainderLength)
        {
            return _parts;
        }

        foreach (var word in _terms.Keys)
        {
            if (word.Length < stem.Length && (stem.StartsWith(word, StringComparison.Ordinal) || stem.EndsWith(word, StringComparison.Ordinal)))
            {
                _dictionary.Split(stem, _parts);
                break;
            }
        }

        return _parts;
    }

    /// <summary>The found words to mark: every plain word, and a phrase's words where the phrase is complete.</summary>
    private List<(int Start, int End, int Term, int Word)> Marked(List<(int Position, int Start, int End, int Term, int Word)> found)
    {
        var marks = new List<(int Start, int End, int Term, int Word)>();
        HashSet<(int Position, int Term)>? at = _phrases.Count == 0 ? null : [.. found.Select(f => (f.Position, f.Term))];
        var inPhrase = new HashSet<(int Position, int Term)>();
        foreach (var phrase in _phrases)
        {
            foreach (var start in found.Where(f => f.Term == phrase[0].Term))
            {
                if (phrase.All(p => at!.Contains((start.Position + p.Offset, p.Term))))
                {
                    foreach (var p in phrase)
                    {
                        inPhrase.Add((start.Position + p.Offset, p.Term));
                    }
                }
            }
        }

        foreach (var (position, start, end, term, word) in found)
        {
            if (_words.Contains(term) || inPhrase.Contains((position, term)))
            {
                marks.Add((start, end, term, word));
            }
        }

        return marks;
    }

    private static int Score(List<(int Start, int End, int Term, int Word)> marks, int start, int end)
    {
        var distinct = 0UL;
        var count = 0;
        foreach (var mark in marks)
        {
            if (mark.Start >= start && mark.End <= end)
            {
                distinct |= 1UL << (mark.Term % 64);
                count++;
            }
        }

        return (System.Numerics.BitOperations.PopCount(distinct) * 1000) + Math.Min(count, 999);
    }

    /// <summary>The passage, escaped, with its marks; a word and its compound parts share offsets and are marked once.</summary>
    private static string Write(string text, int start, int end, List<(int Start, int End, int Term, int Word)> marks)
    {
        var snippet = new StringBuilder(end - start + 32);
        var written = start;
        foreach (var mark in marks)
        {
            if (mark.Start < written || mark.End > end)
            {
                continue;
            }

            MarkupEncoder.Append(snippet, text.AsSpan(written, mark.Start - written));
            snippet.Append("<mark>");
            MarkupEncoder.Append(snippet, text.AsSpan(mark.Start, mark.End - mark.Start));
            snippet.Append("</mark>");
            written = mark.End;
        }

        MarkupEncoder.Append(snippet, text.AsSpan(written, end - written));
        return snippet.ToString();
    }

    private void Collect(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query);
                }

                break;
            case FilteredQuery filtered:
                Collect(filtered.Query);
                break;
            case TermQuery { Term.Field: IndexFields.Text } word:
                _words.Add(Id(word.Term.Text));
                break;
            case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && terms[0].Field == IndexFields.Text:
                var positions = phrase.GetPositions();
                _phrases.Add([.. terms.Select((t, i) => (Id(t.Text), positions[i] - positions[0]))]);
                break;
            case TermQuery { Term.Field: IndexFields.TextPairs } pair:
                _phrases.Add(Words(pair.Term));
                break;
        }
    }

    /// <summary>The two words a pair of adjacent words stands for, as a phrase.</summary>
    private (int Term, int Offset)[] Words(Term pair)
    {
        var words = pair.Text.Split(WordPairFilter.Separator);
        return [(Id(words[0]), 0), (Id(words[1]), 1)];
    }

    private int Id(string term)
    {
        if (!_terms.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _terms[term] = id;
        }

        return id;
    }
}
