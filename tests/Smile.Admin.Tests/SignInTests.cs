using System.Net;
using Smile.Admin.Security;

namespace Smile.Admin.Tests;

public sealed class SignInTests(AdminCms admin)
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page_and_back_afterwards()
    {
        using var client = admin.Cms.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/admin/content/NewsArticle");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login?ReturnUrl=%2Fadmin%2Fcontent%2FNewsArticle", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("https://evil.example/admin", "/admin")]
    [InlineData("//evil.example/admin", "/admin")]
    [InlineData("/admin/content/Event", "/admin/content/Event")]
    [InlineData("/aktuelles", "/admin")]
    public void After_sign_in_only_addresses_inside_the_admin_are_followed(string returnUrl, string expected) =>
        Assert.Equal(expected, Pages.LoginModel.SafeReturnUrl(returnUrl));

    [Fact]
    public async Task Admin_pages_carry_a_strict_content_security_policy_and_are_not_cached()
    {
        using var client = admin.Cms.Factory.CreateClient();

        using var response = await client.GetAsync("/admin/login");

        Assert.Equal(AdminHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", AdminHeaders.ContentSecurityPolicy);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_address_are_limited_across_accounts()
    {
        await using var databases = new TestDatabases();
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Smile:Admin:Password"] = AdminCms.NewPassword(),
            ["Smile:Admin:SignIn:FailuresPerAddress"] = "3",
        });
        var (_, email, password) = await AdminCms.CreateUserAsync(cms.Services, Smile.Content.Security.Roles.Editor);
        using var client = new AdminClient(cms.Factory.CreateClient(new() { AllowAutoRedirect = false }), "");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var failed = await client.PostFormAsync("/admin/login", new() { ["Email"] = $"versuch{attempt}@rostock.test", ["Password"] = "geraten-123456" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var blocked = await client.PostFormAsync("/admin/login", new() { ["Email"] = email, ["Password"] = password });

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("Zu viele fehlgeschlagene Anmeldungen", await blocked.Content.ReadAsStringAsync());
    }
}
