namespace Smile.Content.Security;

/// <summary>The built-in roles, shaped after Orchard Core's. Recipes may define more.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Contributor = "Contributor";

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<Permission>> Defaults = new Dictionary<string, IReadOnlySet<Permission>>
    {
        [Administrator] = Enum.GetValues<Permission>().ToHashSet(),
        [Editor] = new HashSet<Permission>
        {
            Permission.ViewContent, Permission.PreviewDrafts, Permission.EditOwnContent, Permission.EditAllContent,
            Permission.PublishOwnContent, Permission.PublishAllContent, Permission.DeleteOwnContent, Permission.DeleteAllContent,
            Permission.ManageMedia, Permission.ViewAuditTrail,
        },
        [Author] = new HashSet<Permission>
        {
            Permission.ViewContent, Permission.PreviewDrafts, Permission.EditOwnContent, Permission.PublishOwnContent,
            Permission.DeleteOwnContent, Permission.ManageMedia,
        },
        [Contributor] = new HashSet<Permission>
        {
            Permission.ViewContent, Permission.PreviewDrafts, Permission.EditOwnContent,
        },
    };
}
