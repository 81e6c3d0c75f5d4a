using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smile.Content.Security;
using Smile.Storage.Identity;

namespace Smile.Cms.FunctionalTests;

/// <summary>
/// Users with a sign-in cookie issued the way the sign-in page issues it: the host's own Identity claims and its
/// cookie ticket format (keys from the database key ring), so the cookie is checked by the real authentication.
/// </summary>
internal static class SignedInUsers
{
    public const string CookieName = "smile.auth";

    /// <summary>Creates a user in <paramref name="role"/> (created with <paramref name="permissions"/> if missing) and returns their cookie value.</summary>
    public static async Task<string> CookieForNewUserAsync(IServiceProvider services, string role, params Permission[] permissions)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<SmileRole>>();
        if (await roles.FindByNameAsync(role) is null)
        {
            var created = new SmileRole(role);
            Assert.True((await roles.CreateAsync(created)).Succeeded);
            foreach (var permission in permissions)
            {
                await roles.AddClaimAsync(created, new Claim(SmileRole.PermissionClaimType, permission.ToString()));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var email = $"{Guid.NewGuid():N}@smile.test";
        var user = new SmileUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, "Vorschau-Test-2025!")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<SmileUser>>().CreateAsync(user);
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return cookie.TicketDataFormat.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
    }

    public static HttpRequestMessage Get(string path, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        }

        return request;
    }
}
