using System.Text.RegularExpressions;

namespace Smile.Site.Tests;

/// <summary>netlify.toml builds the site with this repository's generator and serves it with strict security headers.</summary>
public sealed partial class NetlifyConfigurationTests
{
    private static readonly string Configuration = File.ReadAllText(Path.Combine(SiteUnderTest.RepositoryRoot, "netlify.toml"));

    [Fact]
    public void The_build_installs_dotnet_with_the_official_script_and_builds_and_checks_the_site_from_the_API()
    {
        Assert.Contains("https://dot.net/v1/dotnet-install.sh", Configuration, StringComparison.Ordinal);
        Assert.Contains("--channel 10.0", Configuration, StringComparison.Ordinal);
        Assert.Contains("--project site/Smile.Site.Cli -- build --api \"$SMILE_API_URL\"", Configuration, StringComparison.Ordinal);
        Assert.Contains("-- check --out public", Configuration, StringComparison.Ordinal);
        Assert.Contains("publish = \"public\"", Configuration, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(SiteUnderTest.RepositoryRoot, "site", "Smile.Site.Cli", "Smile.Site.Cli.csproj")));
    }

    [Fact]
    public void Every_page_gets_a_strict_content_security_policy_and_the_security_headers()
    {
        var policy = Header("Content-Security-Policy");

        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval'", policy.Replace("'wasm-unsafe-eval'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.StartsWith("max-age=", Header("Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.NotEmpty(Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprinted_assets_are_cached_for_a_year()
    {
        Assert.Matches(FingerprintedAssets(), Configuration);
    }

    private static string Header(string name)
    {
        var match = Regex.Match(Configuration, $"^\\s*{Regex.Escape(name)} = \"(?<value>[^\"]*)\"", RegexOptions.Multiline);
        Assert.True(match.Success, $"netlify.toml sets no {name} header");
        return match.Groups["value"].Value;
    }

    [GeneratedRegex(@"for = ""/assets/\*""\s+\[headers.values\]\s+Cache-Control = ""public, max-age=31536000, immutable""")]
    private static partial Regex FingerprintedAssets();
}
