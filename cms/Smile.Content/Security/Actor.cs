namespace Smile.Content.Security;

/// <summary>Who performs an operation: a signed-in user, an API key, or the system itself (recipes, the scheduler).</summary>
public sealed record Actor(string Id, IReadOnlySet<Permission> Permissions)
{
    public static Actor System { get; } = new("system", Enum.GetValues<Permission>().ToHashSet());

    public static Actor Anonymous { get; } = new("anonymous", new HashSet<Permission> { Permission.ViewContent });

    public bool Has(Permission permission) => Permissions.Contains(permission);

    public bool May(Permission own, Permission all, string ownerId) => Has(all) || (Has(own) && ownerId == Id);
}
