using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smile.Content.Auditing;
using Smile.Content.Security;
using Smile.Content.Validation;

namespace Smile.Storage.Identity;

/// <summary>
/// What administrators do with accounts and roles. Every change is one transaction with its audit entry,
/// and bumps the user's security stamp so a signed-in session picks up new roles or a lock promptly.
/// </summary>
public sealed class UserAdministration(
    UserManager<SmileUser> users,
    RoleManager<SmileRole> roles,
    SmileDbContext db,
    TimeProvider clock)
{
    public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTime CreatedAt);

    public sealed record RoleSummary(string Name, IReadOnlySet<Permission> Permissions, int UserCount, bool IsBuiltIn);

    public sealed record CreatedUser(string Id, string OneTimePassword);

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var memberships = await (from ur in db.UserRoles
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = memberships.ToLookup(m => m.UserId, m => m.Name!);
        return [.. rows.Select(u => new UserSummary(
            u.Id, u.Email ?? "", u.DisplayName ?? "", [.. rolesByUser[u.Id].Order(StringComparer.Ordinal)],
            u.LockoutEnd is { } end && end > now, u.CreatedAt))];
    }

    public async Task<UserSummary?> FindUserAsync(string id, CancellationToken cancellationToken = default) =>
        (await ListUsersAsync(cancellationToken)).FirstOrDefault(u => u.Id == id);

    /// <summary>Creates an account with a one-time password that the administrator passes on; it is returned once and stored only hashed.</summary>
    public async Task<CreatedUser> CreateUserAsync(Actor actor, string email, string displayName, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken = default)
    {
        Require(actor);
        email = email.Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            throw new ContentValidationException("email", $"„{email}“ ist keine gültige E-Mail-Adresse.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ContentValidationException("email", $"Es gibt schon ein Konto mit der E-Mail-Adresse {email}.");
        }

        await RequireRolesExistAsync(roleNames);
        var password = OneTimePasswords.Generate();
        var user = new SmileUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await InTransactionAsync(async () =>
        {
            Check(await users.CreateAsync(user, password), "email");
            if (roleNames.Count > 0)
            {
                Check(await users.AddToRolesAsync(user, roleNames), "roles");
            }

            Audit(actor, "user-created", user.Id, string.Join(", ", roleNames.Order(StringComparer.Ordinal)));
        }, cancellationToken);
        return new CreatedUser(user.Id, password);
    }

    public async Task SetRolesAsync(Actor actor, string userId, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken = default)
    {
        Require(actor);
        var user = await UserAsync(userId);
        await RequireRolesExistAsync(roleNames);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !roleNames.Contains(Roles.Administrator))
        {
            await RequireAnotherAdministratorAsync(user, "Die Rolle Administrator kann nicht entzogen werden: es wäre niemand mehr Administrator.");
        }

        await InTransactionAsync(async () =>
        {
            Check(await users.RemoveFromRolesAsync(user, current.Except(roleNames)), "roles");
            Check(await users.AddToRolesAsync(user, roleNames.Except(current)), "roles");
            Check(await users.UpdateSecurityStampAsync(user), "roles");
            Audit(actor, "user-roles-changed", user.Id, string.Join(", ", roleNames.Order(StringComparer.Ordinal)));
        }, cancellationToken);
    }

    public async Task SetLockedAsync(Actor actor, string userId, bool locked, CancellationToken cancellationToken = default)
    {
        Require(actor);
        var user = await UserAsync(userId);
        if (locked && user.Id == actor.Id)
        {
            throw new ContentValidationException("", "Sie können Ihr eigenes Konto nicht sperren.");
        }

        await InTransactionAsync(async () =>
        {
            Check(await users.SetLockoutEnabledAsync(user, true), "lockout");
            Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null), "lockout");
            Check(await users.ResetAccessFailedCountAsync(user), "lockout");
            Check(await users.UpdateSecurityStampAsync(user), "lockout");
            Audit(actor, locked ? "user-locked" : "user-unlocked", user.Id, null);
        }, cancellationToken);
    }

    /// <summary>Replaces the password with a new one-time password, returned once.</summary>
    public async Task<string> ResetPasswordAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        Require(actor);
        var user = await UserAsync(userId);
        var password = OneTimePasswords.Generate();
        await InTransactionAsync(async () =>
        {
            Check(await users.RemovePasswordAsync(user), "password");
            Check(await users.AddPasswordAsync(user, password), "password");
            Audit(actor, "user-password-reset", user.Id, null);
        }, cancellationToken);
        return password;
    }

    /// <summary>
    /// Erases an account's personal data for good (GDPR art. 17). The random account id stays behind as a
    /// pseudonym wherever the audit trail and item ownership refer to it; nothing maps it back to a person.
    /// </summary>
    public async Task<string> EraseUserAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        Require(actor);
        var user = await UserAsync(userId);
        if (user.Id == actor.Id)
        {
            throw new ContentValidationException("", "Sie können Ihr eigenes Konto nicht löschen; bitten Sie eine andere Administratorin oder einen anderen Administrator.");
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator))
        {
            await RequireAnotherAdministratorAsync(user, "Dieses Konto ist das letzte mit der Rolle Administrator und kann nicht gelöscht werden.");
        }

        var pseudonym = Pseudonym(user.Id);
        await InTransactionAsync(async () =>
        {
            Audit(actor, "user-erased", user.Id, pseudonym);
            Check(await users.DeleteAsync(user), "user");
        }, cancellationToken);
        return pseudonym;
    }

    public async Task<IReadOnlyList<RoleSummary>> ListRolesAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == SmileRole.PermissionClaimType).ToListAsync(cancellationToken);
        var counts = await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. all.Select(r => new RoleSummary(
            r.Name!,
            claims.Where(c => c.RoleId == r.Id).Select(c => Enum.TryParse<Permission>(c.ClaimValue, out var p) ? p : (Permission?)null).OfType<Permission>().ToHashSet(),
            counts.GetValueOrDefault(r.Id),
            Roles.Defaults.ContainsKey(r.Name!)))];
    }

    /// <summary>Creates a role, or changes its permissions. The Administrator role always holds every permission.</summary>
    public async Task SaveRoleAsync(Actor actor, string name, IReadOnlySet<Permission> permissions, CancellationToken cancellationToken = default)
    {
        Require(actor);
        name = name.Trim();
        if (name.Length is 0 or > 64)
        {
            throw new ContentValidationException("name", "Der Name der Rolle fehlt oder ist länger als 64 Zeichen.");
        }

        if (name == Roles.Administrator)
        {
            throw new ContentValidationException("name", "Die Rolle Administrator hat immer alle Berechtigungen und kann nicht geändert werden.");
        }

        var role = await roles.FindByNameAsync(name);
        await InTransactionAsync(async () =>
        {
            if (role is null)
            {
                role = new SmileRole(name);
                Check(await roles.CreateAsync(role), "name");
            }

            foreach (var claim in (await roles.GetClaimsAsync(role)).Where(c => c.Type == SmileRole.PermissionClaimType))
            {
                Check(await roles.RemoveClaimAsync(role, claim), "permissions");
            }

            foreach (var permission in permissions.Order())
            {
                Check(await roles.AddClaimAsync(role, new(SmileRole.PermissionClaimType, permission.ToString())), "permissions");
            }

            Audit(actor, "role-saved", null, $"{name}: {string.Join(", ", permissions.Order())}");
        }, cancellationToken);
        await RefreshMembersAsync(role!);
    }

    /// <summary>What to show for an actor id in histories: a name, or the pseudonym of an erased account.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string> actorIds, CancellationToken cancellationToken = default)
    {
        var ids = actorIds.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, cancellationToken);
        return ids.ToDictionary(id => id, id => known.TryGetValue(id, out var name) ? name : DisplayNameOfUnknown(id), StringComparer.Ordinal);
    }

    public static string Pseudonym(string userId) => "Gelöschtes Konto " + userId[..Math.Min(8, userId.Length)];

    private static string DisplayNameOfUnknown(string actorId) => actorId switch
    {
        "system" => "System",
        _ when actorId.StartsWith("apikey:", StringComparison.Ordinal) => "API-Schlüssel " + actorId["apikey:".Length..],
        _ => Pseudonym(actorId),
    };

    private async Task RefreshMembersAsync(SmileRole role)
    {
        foreach (var member in await users.GetUsersInRoleAsync(role.Name!))
        {
            await users.UpdateSecurityStampAsync(member);
        }
    }

    private async Task<SmileUser> UserAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new ContentValidationException("", $"Es gibt kein Konto mit der Kennung {id}.");

    private async Task RequireRolesExistAsync(IEnumerable<string> roleNames)
    {
        foreach (var name in roleNames)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                throw new ContentValidationException("roles", $"Die Rolle „{name}“ gibt es nicht.");
            }
        }
    }

    private async Task RequireAnotherAdministratorAsync(SmileUser user, string message)
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (administrators.All(a => a.Id == user.Id))
        {
            throw new ContentValidationException("roles", message);
        }
    }

    private void Audit(Actor actor, string action, string? userId, string? note) =>
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.Id,
            Action = action,
            // The account id, never the e-mail address: the entry must outlive an erasure without personal data.
            Note = userId is null ? note : note is null ? $"Konto {userId}" : $"Konto {userId}: {note}",
        });

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Require(Actor actor)
    {
        if (!actor.Has(Permission.ManageUsers))
        {
            throw new PermissionDeniedException("Konten und Rollen verwalten dürfen nur Administratorinnen und Administratoren.");
        }
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ContentValidationException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
