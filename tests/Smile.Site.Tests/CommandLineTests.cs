using System.Diagnostics;

namespace Smile.Site.Tests;

/// <summary>The <c>smile-site</c> program as a user runs it: exit codes and messages that say what is wrong.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smile-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public CommandLineTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Check_passes_a_sound_site_and_fails_one_that_loads_a_script_from_another_host()
    {
        Write("index.html", Page("<a href=\"/kontakt\">Kontakt</a>"));
        Write("kontakt/index.html", Page("<a href=\"/\">Start</a>"));
        Write("sitemap.xml", """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc></url><url><loc>https://example.org/kontakt</loc></url></urlset>""");
        var sound = await RunAsync("check", "--out", _folder);

        Write("kontakt/index.html", Page("<script src=\"https://cdn.example.com/tracker.js\"></script><a href=\"/impressum\">Impressum</a>"));
        var broken = await RunAsync("check", "--out", _folder);

        Assert.Equal(0, sound.ExitCode);
        Assert.Contains("every check passed", sound.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("kontakt/index.html: script loads https://cdn.example.com/tracker.js from another host", broken.Output, StringComparison.Ordinal);
        Assert.Contains("kontakt/index.html: a href=\"/impressum\" points to nothing in the site.", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_against_an_unreachable_API_fails_with_a_message_naming_it()
    {
        var result = await RunAsync("build", "--api", "http://127.0.0.1:9/api/graphql", "--out", Path.Combine(_folder, "public"), "--quiet", "--theme", SiteUnderTest.RepositoryTheme);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The site was not built. The content API at http://127.0.0.1:9/api/graphql cannot be reached", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "public")));
    }

    [Fact]
    public async Task An_unknown_option_is_named_and_the_usage_shown()
    {
        var result = await RunAsync("build", "--outt", "public");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--outt' is not an option of smile-site", result.Output, StringComparison.Ordinal);
        Assert.Contains("smile-site build|serve|check", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Page(string body) =>
        $"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>T</title></head><body><main>{body}</main></body></html>";

    private void Write(string relative, string text)
    {
        var file = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "smile-site.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
