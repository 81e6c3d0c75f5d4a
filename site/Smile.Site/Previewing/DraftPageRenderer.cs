using Smile.Site.Building;
using Smile.Site.Content;
using Smile.Site.Fetching;
using Smile.Site.Pages;
using Smile.Site.Rendering;
using Smile.Site.Sources;
using Smile.Site.Themes;

namespace Smile.Site.Previewing;

/// <summary>
/// Renders one item's newest version (a draft) the way the site will show it once published: the published
/// content around it (lists, references, translations) with that one item swapped in, planned and rendered
/// with the same theme and renderer as a build, to a string. Nothing is written: neither the output folder
/// nor the build state, so a draft never reaches the public site this way.
/// </summary>
/// <param name="published">Reads the published content around the draft (an anonymous caller).</param>
public sealed class DraftPageRenderer(IContentSource published, SiteOptions options) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private PublishedContent? _published;

    /// <summary>The page of <paramref name="itemId"/>'s newest version; null when it has none or no page of its own.</summary>
    /// <param name="drafts">A source executing as someone who may preview drafts.</param>
    /// <exception cref="SiteBuildException">The theme cannot render the page (its message names why).</exception>
    /// <exception cref="ContentSourceException">The API refused a request (e.g. the caller may not preview).</exception>
    public async Task<DraftPage?> RenderAsync(IContentSource drafts, string itemId, CancellationToken cancellationToken)
    {
        var around = await PublishedAsync(cancellationToken);
        var draft = await new ContentFetcher(drafts, options.Cultures).FetchLatestAsync(around.Schema, itemId, cancellationToken);
        if (draft?.Path is null)
        {
            return null;
        }

        var theme = Theme.Load(options.ThemeFolder);
        var content = new SiteContent(around.Items.Where(i => i.Id != itemId).Append(draft), theme.Settings.Orders);
        var job = PagePlanner.Plan(content, theme, options.Cultures).FirstOrDefault(j => j.Item?.Id == itemId);
        if (job is null)
        {
            return null;
        }

        var warnings = new BuildWarnings();
        var rendered = new System.Text.StringBuilder();
        await new PageRenderer(theme, options with { Now = DateTimeOffset.UtcNow }).RenderAsync(job, content, warnings, rendered);
        var html = options.Minify ? HtmlWhitespace.Collapse(rendered.ToString()) : rendered.ToString();
        return new DraftPage(draft.Id, draft.Title, draft.Culture, draft.Path, html, warnings.All);
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>The published content, kept between previews and brought up to date through the change feed.</summary>
    private async Task<PublishedContent> PublishedAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var fetcher = new ContentFetcher(published, options.Cultures);
            if (_published is { } last)
            {
                var changes = await fetcher.ChangesSinceAsync(last.Position, cancellationToken);
                if (changes.ItemIds.Count == 0 && !changes.SchemaChanged)
                {
                    return last;
                }

                if (!changes.SchemaChanged)
                {
                    var items = last.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
                    foreach (var (id, type) in changes.ItemIds)
                    {
                        if (await fetcher.FetchItemAsync(last.Schema, id, type, cancellationToken) is { } item)
                        {
                            items[id] = item;
                        }
                        else
                        {
                            items.Remove(id);
                        }
                    }

                    return _published = new PublishedContent(changes.Position, last.Schema, [.. items.Values]);
                }
            }

            // Position first: what is published while fetching is fetched again next time, never missed.
            var position = await fetcher.PositionAsync(cancellationToken);
            var schema = (await SiteSchema.ReadAsync(published, cancellationToken)).WithSelections(Theme.Load(options.ThemeFolder).Settings.Selections);
            return _published = new PublishedContent(position, schema, await fetcher.FetchAllAsync(schema, cancellationToken));
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record PublishedContent(string Position, SiteSchema Schema, IReadOnlyList<SiteItem> Items);
}

/// <summary>A draft's page as the theme renders it, never written anywhere.</summary>
public sealed record DraftPage(string ItemId, string Title, string Culture, string Path, string Html, IReadOnlyList<string> Warnings);
