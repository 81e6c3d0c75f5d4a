using System.Diagnostics;
using Smile.Site.Building;

namespace Smile.Site.Searching;

/// <summary>
/// The static search index: Pagefind (npm) run over the written site. It stems German and English by the pages'
/// <c>lang</c>, writes a chunked index to <c>/pagefind/</c>, and the search page queries it in the browser.
/// </summary>
public static class Pagefind
{
    /// <summary>The program: the given path, or <c>site/node_modules/.bin/pagefind</c> above the current folder.</summary>
    public static string? Find(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new SiteBuildException($"pagefind was not found at '{explicitPath}'.");
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "site", "node_modules", ".bin", "pagefind");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Indexes the site when pages changed; returns what happened, in words for the log.</summary>
    public static async Task<string> IndexAsync(string outputFolder, string? explicitPath, BuildReport report, bool quiet, CancellationToken cancellationToken = default)
    {
        if (report.PagesWritten == 0 && report.FilesRemoved.Count == 0 && Directory.Exists(Path.Combine(outputFolder, "pagefind")))
        {
            return "search index unchanged";
        }

        var program = Find(explicitPath);
        if (program is null)
        {
            var message = "search index not built: pagefind is not installed (run `npm ci` in site/); the search page says so to readers.";
            Console.Error.WriteLine(message);
            return message;
        }

        // Pagefind adds fragment files and never removes any: an index written afresh beside the site and swapped in
        // drops the fragments of pages that are gone (and with them the text of an erased item).
        var site = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var next = Path.Combine(Path.GetDirectoryName(site)!, "." + Path.GetFileName(site) + "-pagefind");
        DeleteFolder(next);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--site", site, "--output-path", next, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new SiteBuildException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new SiteBuildException($"pagefind failed ({process.ExitCode}): {await errors}{await output}");
        }

        var index = Path.Combine(site, "pagefind");
        var replaced = next + "-old";
        DeleteFolder(replaced);
        if (Directory.Exists(index))
        {
            Directory.Move(index, replaced);
        }

        Directory.Move(next, index);
        DeleteFolder(replaced);
        if (!quiet)
        {
            Console.WriteLine("search index written by pagefind");
        }

        return "search index written";
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
