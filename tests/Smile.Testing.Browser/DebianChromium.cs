using Microsoft.Playwright;

namespace Smile.Testing.Browser;

/// <summary>Debian's Chromium, headless through Playwright: the tests never download a browser.</summary>
public static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>Fails at once with what to install when the package is missing, instead of a Playwright stack trace.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is missing: install Debian's chromium package (tests/test.sh does).");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = Args });
}
