using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smile.Content.Security;
using Smile.Storage.Identity;
using Smile.Testing;

namespace Smile.Admin.BrowserTests;

/// <summary>An editor's account made for one test: no default passwords, a fresh random one each run.</summary>
public sealed record TestUser(string Id, string Email, string Password, string Role);

/// <summary>
/// Once per test run: the seeded CMS with its site preview, listening on a free loopback port through Kestrel (the
/// browser needs a real socket), and one headless Chromium (Debian's, never a downloaded one).
/// </summary>
public sealed class AdminSite : IAsyncLifetime
{
    private readonly TestDatabases _databases = new();
    private CmsInstallation? _installation;
    private CmsFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("not started");

    public CmsFactory Factory => _factory ?? throw new InvalidOperationException("not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <summary>An editor shared by tests that only read or make their own items.</summary>
    public TestUser Editor { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        DebianChromium.EnsureInstalled();

        var starting = StartBrowserAsync();
        _installation = await CmsInstallation.CreateAsync(_databases, TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Smile:Site:Preview"] = "true",
            ["Smile:Admin:Password"] = NewPassword(),
        });
        var settings = new Dictionary<string, string?>(_installation.Settings) { ["Smile:Site:BaseUrl"] = "http://127.0.0.1" };
        _factory = new CmsFactory(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Editor = await CreateUserAsync(Roles.Editor);
        await WaitUntilStartUpWorkIsDoneAsync();
        await starting;
    }

    /// <summary>
    /// The first tests used to meet the CMS's start-up work (search index, site preview) on a busy machine and could
    /// run out of time signing in; they start once <c>/readyz</c> says that work is done and the sign-in page answered.
    /// </summary>
    private async Task WaitUntilStartUpWorkIsDoneAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var status = await Eventually.UntilAsync(() => HealthAnswer.StatusAsync(client), s => s == "Healthy", TimeSpan.FromSeconds(120));
        if (status != "Healthy")
        {
            throw new InvalidOperationException($"The CMS under test did not become ready: /readyz says {status}.");
        }

        using var login = await client.GetAsync(new Uri("/admin/login", UriKind.Relative));
        login.EnsureSuccessStatusCode();
    }

    public async Task<TestUser> CreateUserAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@rostock.test";
        var password = NewPassword();
        var user = new SmileUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, email, password, role);
    }

    /// <summary>A news draft owned by <paramref name="owner"/>, made through the content core (not the page under test).</summary>
    public async Task<string> CreateNewsAsync(TestUser owner, string title)
    {
        var actor = new Actor(owner.Id, Roles.Defaults[owner.Role]);
        var version = await Services.GetRequiredService<Smile.Content.Editing.ContentService>().RunAsync(actor, editor => editor.CreateAsync("NewsArticle", "de", new Smile.Content.Items.ContentInput
        {
            Title = title,
            Fields = new System.Text.Json.Nodes.JsonObject { ["teaser"] = "Anriss zu " + title, ["body"] = "Text zu " + title },
        }));
        return version.ItemId;
    }

    /// <summary>A fresh browser context on the CMS; requests to any other host are aborted so nothing leaves the machine.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Address.ToString();
        options.Locale ??= "de-DE";
        var context = await Browser.NewContextAsync(options);
        await context.RouteAsync(url => new Uri(url) is var uri && uri.Scheme is "http" or "https" && (uri.Host != Address.Host || uri.Port != Address.Port), route => route.AbortAsync("blockedbyclient"));
        return context;
    }

    /// <summary>A page signed in as <paramref name="user"/>, on the dashboard; when that fails, the failure says what the browser saw.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, TestUser user)
    {
        var page = await context.NewPageAsync();
        var trail = new NavigationTrail(page);
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(user.Email);
        await page.GetByLabel("Passwort").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Playwright reports a wait that ran out as System.TimeoutException, other trouble as PlaywrightException.
            throw new SignInFailedException(await trail.DescribeAsync($"Signing in as {user.Email} ({user.Role}) did not reach /admin", e), e);
        }

        return page;
    }

    private async Task StartBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await DebianChromium.LaunchAsync(_playwright);
    }

    private static string NewPassword() => "Pw-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "-a1";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_installation is not null)
        {
            await _installation.DisposeAsync();
        }

        await _databases.DisposeAsync();
    }
}
