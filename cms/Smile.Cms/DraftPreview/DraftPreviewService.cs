using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Execution;
using Smile.Cms.Configuration;
using Smile.Cms.Site;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Site;
using Smile.Site.Previewing;
using Smile.Site.Sources;

namespace Smile.Cms.DraftPreview;

/// <summary>
/// An item's newest version rendered through the site's own theme, for editors who may preview drafts and for
/// whoever holds a link one of them shared. The page is rendered on request and never written to the public site.
/// </summary>
public sealed class DraftPreviewService : IDisposable
{
    private readonly GraphQLExecutor _executor;
    private readonly IContentReader _reader;
    private readonly PreviewLinks _links;
    private readonly DraftPreviewOptions _options;
    private readonly DraftPageRenderer _renderer;

    public DraftPreviewService(GraphQLExecutor executor, IContentReader reader, IContentSource published, PreviewLinks links, IOptions<DraftPreviewOptions> options, IOptions<SitePreviewOptions> site, IOptions<SmileOptions> smile, IHostEnvironment environment)
    {
        _executor = executor;
        _reader = reader;
        _links = links;
        _options = options.Value;
        SiteOptions = site.Value.ToSiteOptions(SitePreviewOptions.OutputFolderUnder(smile.Value.DataPath, environment.ContentRootPath));
        _renderer = new DraftPageRenderer(published, SiteOptions);
    }

    /// <summary>The site the preview renders as (theme, cultures, address); its output folder is never written here.</summary>
    public SiteOptions SiteOptions { get; }

    /// <summary>A link to the item's preview that works without signing in until it expires.</summary>
    /// <exception cref="PermissionDeniedException">The actor may not preview drafts.</exception>
    /// <exception cref="ContentNotFoundException">There is no such item.</exception>
    public async Task<PreviewLink> CreatePreviewLinkAsync(string itemId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permission.PreviewDrafts))
        {
            throw new PermissionDeniedException("Vorschaulinks darf nur teilen, wer Entwürfe ansehen darf.");
        }

        if (await _reader.GetVersionAsync(itemId, VersionStatus.Latest, cancellationToken) is null)
        {
            throw new ContentNotFoundException($"Der Inhalt '{itemId}'");
        }

        var (token, expiresAt) = _links.Create(itemId, actor.Id);
        return new PreviewLink(_options.BaseUrl.TrimEnd('/') + "/preview/" + token, expiresAt);
    }

    /// <summary>The item's newest version as the site will show it; null when it has no version or no page of its own.</summary>
    /// <exception cref="PermissionDeniedException">The actor may not preview drafts.</exception>
    /// <exception cref="SiteBuildException">The theme cannot render it.</exception>
    public Task<DraftPage?> RenderAsync(string itemId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permission.PreviewDrafts))
        {
            throw new PermissionDeniedException("Für die Vorschau von Entwürfen fehlt die Berechtigung.");
        }

        return _renderer.RenderAsync(new InProcessContentSource(_executor, _reader, actor), itemId, cancellationToken);
    }

    /// <summary>Checks a shared link; a valid one comes with the reader it previews as (drafts, nothing else).</summary>
    public (PreviewLinkCheck Check, Actor? Reader) Open(string token)
    {
        var check = _links.Read(token);
        return check.State == PreviewLinkState.Valid
            ? (check, new Actor("preview-link:" + check.SharedBy, new HashSet<Permission> { Permission.ViewContent, Permission.PreviewDrafts }))
            : (check, null);
    }

    public void Dispose() => _renderer.Dispose();
}

/// <summary>A shared preview link: the URL (absolute when <c>Smile:Preview:BaseUrl</c> is set) and when it stops working.</summary>
public sealed record PreviewLink(string Url, DateTimeOffset ExpiresAt);
