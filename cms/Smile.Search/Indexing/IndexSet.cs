using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Smile.Search.Indexing;

/// <summary>The per-culture indexes of one scope (public or editors'), opened as found on disk and created when a culture first appears.</summary>
public sealed class IndexSet(string folder, bool splitCompounds, ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, CultureIndex> _cultures = new(StringComparer.Ordinal);
    private readonly Lock _opening = new();

    public IEnumerable<CultureIndex> All => _cultures.Values;

    public void OpenExisting()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var culture in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(IsCultureName))
        {
            GetOrCreate(culture);
        }
    }

    public CultureIndex? Find(string culture) => _cultures.GetValueOrDefault(culture);

    public CultureIndex GetOrCreate(string culture)
    {
        if (_cultures.TryGetValue(culture, out var index))
        {
            return index;
        }

        if (!IsCultureName(culture))
        {
            throw new ArgumentException($"'{culture}' is not a culture name an index folder can be made for.", nameof(culture));
        }

        lock (_opening)
        {
            return _cultures.GetOrAdd(culture, c => CultureIndex.Open(Path.Combine(folder, c), c, splitCompounds, logger));
        }
    }

    public void Dispose()
    {
        foreach (var index in _cultures.Values)
        {
            index.Dispose();
        }

        _cultures.Clear();
    }

    /// <summary>Culture names are short BCP 47 tags; nothing else becomes a folder.</summary>
    private static bool IsCultureName(string name) =>
        name.Length is > 0 and <= 35 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
