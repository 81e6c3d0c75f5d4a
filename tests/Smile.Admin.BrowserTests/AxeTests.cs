namespace Smile.Admin.BrowserTests;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules over every admin page type, in Chromium, with scripts running.</summary>
public sealed class AxeTests(AdminSite site)
{
    [Fact]
    public async Task The_sign_in_page_has_no_WCAG_2_1_AA_violations()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_sign_in_page_with_an_error_has_no_WCAG_2_1_AA_violations()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_dashboard_has_no_WCAG_2_1_AA_violations()
    {
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        await Axe.AssertNoViolationsAsync(page);
    }
}
