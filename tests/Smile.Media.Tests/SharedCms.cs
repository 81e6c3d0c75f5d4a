using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;
using Smile.Storage.Identity;

namespace Smile.Media.Tests;

/// <summary>One seeded CMS per provider, shared by a test class.</summary>
public sealed class SharedCms(TestDatabases databases) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RunningCms>>> _running = new();

    public Task<RunningCms> GetAsync(string provider) =>
        _running.GetOrAdd(provider, p => new Lazy<Task<RunningCms>>(() => RunningCms.StartAsync(databases, p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _running.Values.Where(r => r.IsValueCreated))
        {
            await (await running.Value).DisposeAsync();
        }
    }
}

internal static class Callers
{
    public static async Task<string> ApiKeyAsync(RunningCms cms, params Permission[] permissions) =>
        (await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Test", permissions.ToHashSet(), "system")).Secret;

    /// <summary>
    /// The sign-in cookie the host would issue to its administrator, sealed with the host's own cookie options
    /// and data-protection keys exactly as the cookie handler seals it after a sign-in.
    /// </summary>
    public static async Task<string> AdministratorCookieAsync(RunningCms cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var admin = await users.FindByEmailAsync("admin@smile.local") ?? throw new InvalidOperationException("The host created no administrator.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<SmileUser>>().CreateAsync(admin);
        Assert.Contains(principal.FindAll("permission"), c => c.Value == nameof(Permission.ManageMedia));
        Assert.NotNull(principal.FindFirstValue(ClaimTypes.NameIdentifier));
        var options = cms.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1), AllowRefresh = false }, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
