using Smile.Site.Content;

namespace Smile.Site.Rendering;

/// <summary>
/// What one page read while it rendered: the items whose fields it touched and the collections,
/// back-references and link targets it looked at. An incremental build re-renders a page when any of
/// them changed, and only then.
/// </summary>
public sealed class RenderScope(SiteContent content, string culture, BuildWarnings warnings)
{
    public SiteContent Content { get; } = content;

    public string Culture { get; } = culture;

    public BuildWarnings Warnings { get; } = warnings;

    public HashSet<string> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys of <see cref="SiteContent.Signature"/>: collections, back-references and link targets.</summary>
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
}

/// <summary>Problems a build reports without failing, collected from parallel renders.</summary>
public sealed class BuildWarnings
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _messages = new(StringComparer.Ordinal);

    public void Add(string message) => _messages.TryAdd(message, 0);

    public IReadOnlyList<string> All => [.. _messages.Keys.Order(StringComparer.Ordinal)];
}
