using System.Security.Claims;
using Smile.Content.Security;
using Smile.Storage.Identity;

namespace Smile.Admin.Security;

/// <summary>The signed-in editor as the content core sees them: an id and the permissions of their roles.</summary>
public static class AdminUser
{
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The admin is reached only when signed in.");
        var permissions = user.FindAll(SmileRole.PermissionClaimType)
            .Select(c => Enum.TryParse<Permission>(c.Value, out var p) ? p : (Permission?)null)
            .OfType<Permission>()
            .ToHashSet();
        return new Actor(id, permissions);
    }

    public static bool Has(this ClaimsPrincipal user, Permission permission) =>
        user.HasClaim(SmileRole.PermissionClaimType, permission.ToString());
}
