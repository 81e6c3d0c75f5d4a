using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Smile.Cms.Configuration;
using Smile.Content.Security;
using Smile.Storage.Identity;

namespace Smile.Cms.Startup;

/// <summary>
/// There is no default password. On first start the administrator is created from configuration, or
/// with a generated one-time password that is written to the log exactly once.
/// </summary>
public sealed partial class AdministratorBootstrap(
    IServiceScopeFactory scopes,
    IOptions<SmileOptions> options,
    TimeProvider clock,
    ILogger<AdministratorBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<SmileRole>>();
        await EnsureRolesAsync(roles);
        if (users.Users.Any())
        {
            return;
        }

        var settings = options.Value.Admin;
        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? OneTimePasswords.Generate() : settings.Password!;
        var user = new SmileUser { UserName = settings.Email, Email = settings.Email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = clock.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, password), "Smile:Admin:Password");
        Check(await users.AddToRoleAsync(user, Roles.Administrator), "Smile:Admin");
        if (generated)
        {
            LogGeneratedPassword(logger, settings.Email, password);
        }
        else
        {
            LogConfiguredAdministrator(logger, settings.Email);
        }
    }

    private static async Task EnsureRolesAsync(RoleManager<SmileRole> roles)
    {
        foreach (var (name, permissions) in Roles.Defaults)
        {
            if (await roles.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var role = new SmileRole(name);
            Check(await roles.CreateAsync(role), "roles");
            foreach (var permission in permissions.Order())
            {
                Check(await roles.AddClaimAsync(role, new(SmileRole.PermissionClaimType, permission.ToString())), "roles");
            }
        }
    }

    private static void Check(IdentityResult result, string setting)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The first administrator could not be created ({setting}): {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: administrator {Email} created with the one-time password {Password} . It is shown only this once; sign in and change it.")]
    private static partial void LogGeneratedPassword(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "First start: administrator {Email} created with the configured password")]
    private static partial void LogConfiguredAdministrator(ILogger logger, string email);
}
