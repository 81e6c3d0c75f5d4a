using Smile.Admin.Previewing;
using Smile.Content.Security;

namespace Smile.Cms.DraftPreview;

/// <summary>The admin's "share a preview" button, answered by the host's draft preview.</summary>
public sealed class AdminPreviewLinks(DraftPreviewService previews) : IPreviewLinks
{
    public async Task<SharedPreview> CreateAsync(string itemId, Actor actor, CancellationToken cancellationToken)
    {
        var link = await previews.CreatePreviewLinkAsync(itemId, actor, cancellationToken);
        return new SharedPreview(link.Url, link.ExpiresAt.UtcDateTime);
    }
}
