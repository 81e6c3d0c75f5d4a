using Microsoft.AspNetCore.Identity;

namespace Smile.Storage.Identity;

/// <summary>A role; its permissions are role claims of type <see cref="PermissionClaimType"/>.</summary>
public sealed class SmileRole : IdentityRole
{
    public const string PermissionClaimType = "permission";

    public SmileRole()
    {
    }

    public SmileRole(string name)
        : base(name)
    {
    }
}
