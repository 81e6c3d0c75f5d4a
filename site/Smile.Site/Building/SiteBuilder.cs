using System.Collections.Concurrent;
using System.Diagnostics;
using Smile.Site.Checks;
using Smile.Site.Content;
using Smile.Site.Fetching;
using Smile.Site.Outputs;
using Smile.Site.Pages;
using Smile.Site.Rendering;
using Smile.Site.Sources;
using Smile.Site.Themes;

namespace Smile.Site.Building;

/// <summary>
/// The build pipeline: fetch content (all of it, or what the change feed names since the last build), check it,
/// plan pages, render in parallel what changed, post-process (minify), write only files whose bytes differ,
/// remove pages that are gone, write feeds, calendar, sitemap and redirects, and check every link the theme made.
/// One builder kept alive (the <c>serve</c> command, the CMS preview) keeps its state in memory between builds.
/// </summary>
public sealed class SiteBuilder(IContentSource source, SiteOptions options) : IDisposable
{
    // A build by another version of the generator is not continued: its pages may look different.
    private static readonly Guid Generator = typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (BuildState State, List<SiteItem> Items, SiteSchema Schema)? _warm;

    public IProgress<BuildProgress>? Progress { get; set; }

    public void Dispose() => _gate.Dispose();

    public async Task<BuildReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await BuildOnceAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<BuildReport> BuildOnceAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var theme = Theme.Load(options.ThemeFolder);
        // What the theme asks the API for is part of the setup: other selections mean other items.
        var selections = string.Join(';', theme.Settings.Selections.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + ":" + s.Value)) + "|" + string.Join(',', theme.Settings.Refresh);
        var setup = $"{Generator}|{options.BaseUrl}|{string.Join(',', options.Cultures)}|{theme.Root}|{options.Minify}|{selections}";
        var fetcher = new ContentFetcher(source, options.Cultures);
        var refresher = new ContentFetcher(source, options.Cultures);
        Report("fetch", 0, 1);

        var previous = _warm;
        if (previous is null && options.Incremental && await BuildState.LoadAsync(options.State, setup, cancellationToken) is { } loaded)
        {
            previous = (loaded.State, loaded.Items, await SiteSchema.ReadAsync(source, cancellationToken));
        }

        if (!options.Incremental || previous?.State.Setup != setup)
        {
            previous = null;
        }

        BuildState? old = previous?.State;
        SiteSchema schema;
        List<SiteItem> items;
        string position;
        HashSet<string> changed;
        if (previous is { } last)
        {
            var changes = await fetcher.ChangesSinceAsync(last.State.Position, cancellationToken);
            // The theme's extra selections, added once: every fetch of this build uses the same fragments.
            var selected = last.Schema.WithSelections(theme.Settings.Selections);
            var refreshed = changes.SchemaChanged ? [] : await RefreshAsync(refresher, selected, theme, last.Items, cancellationToken);
            if (changes.ItemIds.Count == 0 && refreshed.Count == 0 && !changes.SchemaChanged && last.State.Theme == theme.Fingerprint && _warm is not null)
            {
                // Nothing published and nothing in the theme changed: what serve and the preview ask most of the time.
                return Unchanged(last.State, clock.Elapsed);
            }

            position = changes.Position;
            if (changes.SchemaChanged)
            {
                // A type was added or changed: read the schema again; every item may look different now.
                schema = await SiteSchema.ReadAsync(source, cancellationToken);
                items = [.. await fetcher.FetchAllAsync(schema.WithSelections(theme.Settings.Selections), cancellationToken)];
                changed = [.. items.Select(i => i.Id).Concat(last.Items.Select(i => i.Id))];
            }
            else
            {
                schema = last.Schema;
                var byId = last.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
                var fresh = new ConcurrentDictionary<string, SiteItem?>(StringComparer.Ordinal);
                await Parallel.ForEachAsync(changes.ItemIds, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (change, ct) =>
                    fresh[change.Key] = await fetcher.FetchItemAsync(selected, change.Key, change.Value, ct));
                foreach (var (id, item) in refreshed)
                {
                    fresh.TryAdd(id, item);
                }

                changed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (id, item) in fresh)
                {
                    var known = byId.GetValueOrDefault(id);
                    if (item?.Hash == known?.Hash)
                    {
                        continue;
                    }

                    changed.Add(id);
                    if (item is null)
                    {
                        byId.Remove(id);
                    }
                    else
                    {
                        byId[id] = item;
                    }
                }

                items = [.. byId.Values];
            }
        }
        else
        {
            position = await fetcher.PositionAsync(cancellationToken);
            schema = await SiteSchema.ReadAsync(source, cancellationToken);
            items = [.. await fetcher.FetchAllAsync(schema.WithSelections(theme.Settings.Selections), cancellationToken)];
            changed = [.. items.Select(i => i.Id)];
        }

        Report("fetch", 1, 1);
        var content = new SiteContent(items, theme.Settings.Orders);
        // The last build checked every item it kept: only the items that changed since can break a rule.
        ContentChecks.Verify(content, theme, options.Cultures[0], old is null ? null : changed);
        var jobs = PagePlanner.Plan(content, theme, options.Cultures);

        // Generated files depend on content alone: made while the pages to render are chosen.
        var generating = Task.Run(() => GeneratedFiles(jobs, content, theme), cancellationToken);

        // A page whose file is gone (an output folder emptied by hand) is rendered again like a changed one.
        List<PageJob> toRender = old is null
            ? [.. jobs]
            : jobs.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .Where(job => MustRender(job, old, changed, content, theme) || !File.Exists(Path.Combine(options.OutputFolder, job.OutputFile))).ToList();
        Directory.CreateDirectory(options.OutputFolder);
        var state = new BuildState { Position = position, Setup = setup, Theme = theme.Fingerprint, Templates = new(theme.Templates, StringComparer.Ordinal) };
        var written = new ConcurrentBag<string>();
        var removed = new List<string>();

        // Written before the pages, so the theme's links to them can be checked per page.
        foreach (var file in await generating)
        {
            var hash = Theme.Hash(file.Bytes);
            state.Files[file.Path] = hash;
            if (old?.Files.GetValueOrDefault(file.Path) != hash || !File.Exists(Path.Combine(options.OutputFolder, file.Path)))
            {
                Write(file.Path, file.Bytes);
                written.Add(file.Path);
            }
        }

        foreach (var gone in old?.Files.Keys.Where(f => !state.Files.ContainsKey(f)) ?? [])
        {
            Delete(gone);
            removed.Add(gone);
        }

        // Render, post-process, check and write each page in one go: no page's HTML outlives its turn.
        var files = new HashSet<string>(jobs.Select(j => j.OutputFile).Concat(state.Files.Keys), StringComparer.Ordinal);
        var warnings = new BuildWarnings();
        var renderer = new PageRenderer(theme, options);
        var records = new ConcurrentDictionary<string, PageRecord>(StringComparer.Ordinal);
        var broken = new ConcurrentBag<string>();
        var media = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var layouts = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var done = 0;
        // What each URL the theme wrote is (a page, a media file, nothing): asked once per build, not once per page.
        var links = new ConcurrentDictionary<string, LinkKind>(StringComparer.Ordinal);
        LinkKind Classify(string url) => links.GetOrAdd(url, u =>
            MediaFiles.IsMediaPath(u.Split('#', '?')[0]) ? LinkKind.Media
            : LinkCheck.IsInternal(u) && !LinkCheck.Resolves(u, relative => files.Contains(relative) || relative.StartsWith("pagefind/", StringComparison.Ordinal) || relative.StartsWith("media/", StringComparison.Ordinal)) ? LinkKind.Broken
            : LinkKind.Fine);

        await Parallel.ForEachAsync(toRender, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (job, _) =>
        {
            var html = Buffers.Rent();
            try
            {
                var page = await renderer.RenderAsync(job, content, warnings, html);
                var output = PageOutput.Finish(html, options.Minify);
                try
                {
                    foreach (var (attribute, tag, url) in output.References)
                    {
                        switch (Classify(url))
                        {
                            case LinkKind.Media:
                                media.TryAdd(url, 0);
                                break;
                            case LinkKind.Broken:
                                broken.Add($"{job.Path}: {tag} {attribute}=\"{url}\"");
                                break;
                        }
                    }

                    var hash = output.Hash;
                    if (old?.Pages.GetValueOrDefault(job.OutputFile)?.Hash != hash || !File.Exists(Path.Combine(options.OutputFolder, job.OutputFile)))
                    {
                        Write(job.OutputFile, output.Utf8);
                        written.Add(job.OutputFile);
                    }

                    records[job.OutputFile] = new PageRecord(hash,
                        [.. page.Scope.Items.Concat(job.DependsOn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                        [.. page.Scope.Keys.Order(StringComparer.Ordinal)],
                        [.. page.Templates]);
                    layouts.TryAdd(page.Layout, 0);
                }
                finally
                {
                    output.Dispose();
                }
            }
            finally
            {
                Buffers.Return(html);
            }

            Report("render", Interlocked.Increment(ref done), toRender.Count);
        });

        if (!broken.IsEmpty)
        {
            throw new SiteBuildException("The theme links to files the site does not have:\n- " + string.Join("\n- ", broken.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(20)));
        }

        // A snapshot has no media to give: its pages keep their links, and `check` names the files missing.
        IReadOnlyList<string> mediaCopied = [];
        if (source is IMediaSource mediaSource)
        {
            var (copied, mediaWarnings) = await MediaFiles.CopyAsync(mediaSource, media.Keys, options.OutputFolder, cancellationToken);
            mediaCopied = copied;
            foreach (var warning in mediaWarnings)
            {
                warnings.Add(warning);
            }
        }

        foreach (var (file, record) in old?.Pages ?? [])
        {
            state.Pages[file] = record;
        }

        foreach (var (file, record) in records)
        {
            state.Pages[file] = record;
        }

        var planned = jobs.Select(j => j.OutputFile).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in state.Pages.Keys.Where(f => !planned.Contains(f)).ToList())
        {
            state.Pages.Remove(gone);
            Delete(gone);
            removed.Add(gone);
        }

        // Signatures of everything any page looked at, for the next build to compare.
        foreach (var key in state.Pages.Values.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal))
        {
            state.Signatures[key] = content.Signature(key);
        }

        await state.SaveAsync(options.State, items, old, changed, records.Keys.Concat(removed), cancellationToken);
        _warm = (state, items, schema);

        return new BuildReport
        {
            Incremental = old is not null,
            ItemsFetched = fetcher.ItemsFetched,
            ItemsRefreshed = refresher.ItemsFetched,
            PagesPlanned = jobs.Count,
            PagesRendered = records.Count,
            FilesWritten = [.. written.Order(StringComparer.Ordinal)],
            FilesRemoved = [.. removed.Order(StringComparer.Ordinal)],
            MediaCopied = mediaCopied,
            LayoutsRendered = [.. layouts.Keys.Order(StringComparer.Ordinal)],
            Warnings = warnings.All,
            Duration = clock.Elapsed,
        };
    }

    private static BuildReport Unchanged(BuildState state, TimeSpan duration) => new()
    {
        Incremental = true,
        ItemsFetched = 0,
        PagesPlanned = state.Pages.Count,
        PagesRendered = 0,
        FilesWritten = [],
        FilesRemoved = [],
        LayoutsRendered = [],
        Warnings = [],
        Duration = duration,
    };

    /// <summary>
    /// The items of the theme's refresh types whose answer differs from the last build's (null: no longer published).
    /// Their data (sensor readings) changes without any entry in the change feed.
    /// </summary>
    private static async Task<Dictionary<string, SiteItem?>> RefreshAsync(ContentFetcher fetcher, SiteSchema schema, Theme theme, List<SiteItem> known, CancellationToken cancellationToken)
    {
        var types = theme.Settings.Refresh.Select(schema.Find).OfType<SiteType>().ToList();
        if (types.Count == 0)
        {
            return [];
        }

        var names = types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var now = (await fetcher.FetchTypesAsync(schema, types, cancellationToken)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var before = known.Where(i => names.Contains(i.ContentType)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var differing = new Dictionary<string, SiteItem?>(StringComparer.Ordinal);
        foreach (var id in now.Keys.Union(before.Keys))
        {
            var item = now.GetValueOrDefault(id);
            if (item?.Hash != before.GetValueOrDefault(id)?.Hash)
            {
                differing[id] = item;
            }
        }

        return differing;
    }

    private static bool MustRender(PageJob job, BuildState old, HashSet<string> changed, SiteContent content, Theme theme)
    {
        if (!old.Pages.TryGetValue(job.OutputFile, out var record))
        {
            return true;
        }

        if ((job.Item is { } item && changed.Contains(item.Id)) || record.Items.Any(changed.Contains))
        {
            return true;
        }

        if (record.Templates.Any(t => theme.Templates.GetValueOrDefault(t) != old.Templates.GetValueOrDefault(t)))
        {
            return true;
        }

        return record.Keys.Any(key => old.Signatures.GetValueOrDefault(key) != content.Signature(key));
    }

    private List<GeneratedFile> GeneratedFiles(IReadOnlyList<PageJob> jobs, SiteContent content, Theme theme)
    {
        var generated = new List<GeneratedFile>();
        generated.AddRange(SitemapWriter.Write(jobs, options.BaseUrl));
        generated.AddRange(FeedWriter.Write(content, theme, options.Cultures, options.BaseUrl));
        generated.AddRange(CalendarWriter.Write(content, theme, options.Cultures, options.BaseUrl));
        generated.Add(RedirectsWriter.Write(content));
        generated.AddRange(ThemeFiles(theme));
        return generated;
    }

    private static IEnumerable<GeneratedFile> ThemeFiles(Theme theme)
    {
        foreach (var (asset, url) in theme.Assets)
        {
            yield return new GeneratedFile(url.TrimStart('/'), File.ReadAllBytes(Path.Combine(theme.Root, "assets", asset)));
        }

        var statics = Path.Combine(theme.Root, "static");
        if (Directory.Exists(statics))
        {
            foreach (var file in Directory.EnumerateFiles(statics, "*", SearchOption.AllDirectories))
            {
                yield return new GeneratedFile(Path.GetRelativePath(statics, file).Replace('\\', '/'), File.ReadAllBytes(file));
            }
        }
    }

    private void Write(string relative, ReadOnlyMemory<byte> bytes)
    {
        var file = Path.Combine(options.OutputFolder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Written beside the page and moved over it: the served site (the preview) must never read a page that is
        // truncated and half written, which it did as an empty answer while an incremental build rewrote it.
        var temporary = file + ".writing";
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes.Span, 0);
        }

        File.Move(temporary, file, overwrite: true);
    }

    private enum LinkKind
    {
        Fine,
        Media,
        Broken,
    }

    private void Delete(string relative)
    {
        var file = Path.Combine(options.OutputFolder, relative);
        if (File.Exists(file))
        {
            File.Delete(file);
        }

        // Leave no empty folders behind (a removed item's page was aktuelles/x/index.html).
        var folder = Path.GetDirectoryName(file);
        while (folder is not null && folder.Length > Path.GetFullPath(options.OutputFolder).Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }

    private void Report(string stage, int done, int total) => Progress?.Report(new BuildProgress(stage, done, total));
}
