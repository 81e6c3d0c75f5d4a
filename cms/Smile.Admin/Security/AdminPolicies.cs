using Microsoft.AspNetCore.Authorization;
using Smile.Content.Security;
using Smile.Storage.Identity;

namespace Smile.Admin.Security;

/// <summary>Who may open which part of the admin. The content core still checks every operation itself.</summary>
public static class AdminPolicies
{
    /// <summary>Anyone who may write content: the admin's pages as a whole.</summary>
    public const string Editors = "smile-admin-editors";

    public const string AuditTrail = "smile-admin-audit";

    /// <summary>Accounts, roles and erasure: administrators only.</summary>
    public const string Accounts = "smile-admin-accounts";

    public const string ApiKeys = "smile-admin-api-keys";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Editors, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(SmileRole.PermissionClaimType, nameof(Permission.EditOwnContent), nameof(Permission.EditAllContent)));
        options.AddPolicy(AuditTrail, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(SmileRole.PermissionClaimType, nameof(Permission.ViewAuditTrail)));
        options.AddPolicy(Accounts, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(SmileRole.PermissionClaimType, nameof(Permission.ManageUsers)));
        options.AddPolicy(ApiKeys, policy => policy.RequireAuthenticatedUser()
            .RequireClaim(SmileRole.PermissionClaimType, nameof(Permission.ManageApiKeys)));
    }
}
