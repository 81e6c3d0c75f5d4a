using Smile.Api.GraphQL.Transport;
using Smile.Content.Security;
using Smile.Storage.Media;

namespace Smile.Cms.Media;

/// <summary>
/// Who may fetch an asset: everyone when a published version uses it; otherwise only signed-in editors and
/// API keys that may read content. The answer for everyone else is "not found", so drafts leak nothing.
/// </summary>
public sealed class MediaAccess(MediaCatalog catalog, ICallerResolver callers)
{
    public enum Visibility
    {
        Hidden,
        Public,
        EditorsOnly,
    }

    public async Task<Visibility> CheckAsync(HttpContext http, string id, CancellationToken cancellationToken)
    {
        if (await catalog.IsPublicAsync(id, cancellationToken))
        {
            return Visibility.Public;
        }

        return await IsEditorAsync(http, cancellationToken) ? Visibility.EditorsOnly : Visibility.Hidden;
    }

    public async Task<bool> IsEditorAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = await callers.ResolveAsync(http, cancellationToken);
        return caller.Kind is CallerKind.Cookie or CallerKind.ApiKey
            && (caller.Actor.Has(Permission.PreviewDrafts) || caller.Actor.Has(Permission.ViewContent) || caller.Actor.Has(Permission.ManageMedia));
    }

    /// <summary>Ids are SHA-256 in lower-case hex; anything else is not worth a database query.</summary>
    public static bool IsMediaId(string id) => id.Length == 64 && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
