using System.Net;
using Microsoft.AspNetCore.Http;

namespace Smile.Operations.Tests.ReverseProxy;

/// <summary>
/// Behind a proxy that terminates TLS, the host must see the public scheme and host (for redirects, secure cookies
/// and links), but only when the request really comes from a proxy it was told to trust.
/// </summary>
public sealed class ForwardedHeadersTests(TestDatabases databases)
{
    [Fact]
    public async Task A_known_proxy_s_forwarded_headers_make_redirects_use_the_public_https_address()
    {
        var location = await AdminRedirectAsync(new() { ["Smile:Proxy:KnownProxies:0"] = "10.1.2.3" }, from: "10.1.2.3");

        Assert.StartsWith("https://smile.example.org/admin/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_in_a_known_network_is_trusted_like_a_known_proxy()
    {
        var location = await AdminRedirectAsync(new() { ["Smile:Proxy:KnownNetworks:0"] = "10.0.0.0/8" }, from: "10.200.0.9");

        Assert.StartsWith("https://smile.example.org/admin/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        var location = await AdminRedirectAsync(new() { ["Smile:Proxy:KnownProxies:0"] = "10.1.2.3", ["Smile:Proxy:KnownNetworks:0"] = "10.0.0.0/8" }, from: "192.0.2.7");

        Assert.StartsWith("http://localhost/admin/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_proxy_setting_that_is_not_an_address_stops_the_start_with_its_name()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);

        var thrown = Assert.ThrowsAny<Exception>(() => installation.Start(new Dictionary<string, string?> { ["Smile:Proxy:KnownNetworks:0"] = "10.0.0.0" }));

        Assert.Contains("Smile:Proxy:KnownNetworks has '10.0.0.0'", thrown.GetBaseException().Message, StringComparison.Ordinal);
    }

    /// <summary>An anonymous GET /admin from <paramref name="from"/>, as a TLS-terminating proxy forwards it; the sign-in redirect's address.</summary>
    private async Task<string> AdminRedirectAsync(Dictionary<string, string?> proxySettings, string from)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        using var factory = installation.Start(proxySettings);

        var context = await factory.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = IPAddress.Parse(from);
            request.Request.Method = HttpMethods.Get;
            request.Request.Scheme = "http";
            request.Request.Host = new HostString("localhost");
            request.Request.Path = "/admin";
            request.Request.Headers["X-Forwarded-For"] = "203.0.113.50";
            request.Request.Headers["X-Forwarded-Proto"] = "https";
            request.Request.Headers["X-Forwarded-Host"] = "smile.example.org";
        }, TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        return context.Response.Headers.Location.ToString();
    }
}
