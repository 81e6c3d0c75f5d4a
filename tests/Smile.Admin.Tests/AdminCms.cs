using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Smile.Storage.Identity;

namespace Smile.Admin.Tests;

/// <summary>The seeded CMS in-process, and signed-in HTTP clients for users of any role (made here, with random passwords).</summary>
public sealed partial class AdminCms : IAsyncLifetime
{
    private readonly TestDatabases _databases = new();
    private RunningCms? _cms;

    public RunningCms Cms => _cms ?? throw new InvalidOperationException("not started");

    public IServiceProvider Services => Cms.Services;

    public async ValueTask InitializeAsync() =>
        _cms = await RunningCms.StartAsync(_databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Admin:Password"] = NewPassword() });

    public static string NewPassword() => "Pw-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "-a1";

    public Task<AdminClient> SignInAsync(string role) => SignInAsync(Cms.Factory, Services, role);

    public static async Task<AdminClient> SignInAsync(WebApplicationFactory<Program> factory, IServiceProvider services, string role)
    {
        var (id, email, password) = await CreateUserAsync(services, role);
        var client = new AdminClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), id);
        using var response = await client.PostFormAsync("/admin/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<(string Id, string Email, string Password)> CreateUserAsync(IServiceProvider services, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@rostock.test";
        var password = NewPassword();
        var user = new SmileUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (user.Id, email, password);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cms is not null)
        {
            await _cms.DisposeAsync();
        }

        await _databases.DisposeAsync();
    }
}

/// <summary>An HTTP client with a sign-in cookie that posts forms the way a browser does: with the page's anti-forgery token.</summary>
public sealed partial class AdminClient(HttpClient http, string userId) : IDisposable
{
    public HttpClient Http => http;

    public string UserId => userId;

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Fetches <paramref name="path"/> (or <paramref name="tokenFrom"/>) for its token, then posts the fields to <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var (_, page) = await GetAsync(tokenFrom ?? path.Split('?')[0]);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        pairs.Add(new("__RequestVerificationToken", Token(page)));
        return await http.PostAsync(path, new FormUrlEncodedContent(pairs));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string tokenFrom)
    {
        var (_, page) = await GetAsync(tokenFrom);
        return await http.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", Token(page)))));
    }

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no anti-forgery token.");

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
