using Microsoft.Playwright;

namespace Smile.Admin.BrowserTests;

public sealed class SignInTests(AdminSite site)
{
    [Fact]
    public async Task An_editor_signs_in_sees_the_dashboard_and_signs_out()
    {
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        Assert.Equal("Übersicht", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/login");
        var response = await page.GotoAsync("/admin");
        Assert.Equal("/admin/login", new Uri(page.Url).AbsolutePath);
        Assert.NotNull(response);
    }

    [Fact]
    public async Task A_wrong_password_five_times_locks_the_account_and_says_so()
    {
        var victim = await site.CreateUserAsync(Smile.Content.Security.Roles.Author);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel("E-Mail-Adresse").FillAsync(victim.Email);
            await page.GetByLabel("Passwort").FillAsync("falsch-" + attempt);
            await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
            if (attempt < 5)
            {
                Assert.Contains("E-Mail-Adresse oder Passwort ist nicht richtig", await page.Locator(".error-summary").InnerTextAsync());
            }
        }

        Assert.Contains("vorübergehend gesperrt", await page.Locator(".error-summary").InnerTextAsync());

        // Even the right password is refused now.
        await page.GetByLabel("E-Mail-Adresse").FillAsync(victim.Email);
        await page.GetByLabel("Passwort").FillAsync(victim.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Contains("vorübergehend gesperrt", await page.Locator(".error-summary").InnerTextAsync());
        Assert.Equal("/admin/login", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("niemand@rostock.test");
        await page.GetByLabel("Passwort").FillAsync("irgendwas-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        Assert.Contains("E-Mail-Adresse oder Passwort ist nicht richtig", await page.Locator(".error-summary").InnerTextAsync());
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_with_400()
    {
        using var client = new HttpClient { BaseAddress = site.Address };
        using var login = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = site.Editor.Email, ["Password"] = site.Editor.Password }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_that_does_not_reach_the_dashboard_fails_with_the_page_address_and_its_error_text()
    {
        await using var context = await site.NewContextAsync();
        // The wait for the dashboard can only run out here; no need to sit through the usual 30 seconds.
        context.SetDefaultTimeout(3000);
        var wrong = (await site.CreateUserAsync(Smile.Content.Security.Roles.Author)) with { Password = "falsch-" + Guid.NewGuid().ToString("N")[..6] };

        var failure = await Assert.ThrowsAsync<SignInFailedException>(() => AdminSite.SignInAsync(context, wrong));

        Assert.Contains("/admin/login", failure.Message, StringComparison.Ordinal);
        Assert.Contains("POST /admin/login -> 200", failure.Message, StringComparison.Ordinal);
        Assert.Contains("E-Mail-Adresse oder Passwort ist nicht richtig", failure.Message, StringComparison.Ordinal);
    }
}
