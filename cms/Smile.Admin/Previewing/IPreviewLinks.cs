using Smile.Content.Security;

namespace Smile.Admin.Previewing;

/// <summary>
/// Signed, expiring links to a draft's preview that an editor can send to a colleague without an account. The host
/// renders previews with the site's theme and implements this; the admin only asks for a link.
/// </summary>
public interface IPreviewLinks
{
    /// <exception cref="PermissionDeniedException">The actor may not preview drafts.</exception>
    Task<SharedPreview> CreateAsync(string itemId, Actor actor, CancellationToken cancellationToken);
}

public sealed record SharedPreview(string Url, DateTime ExpiresAt);
