using System.Diagnostics;

namespace Smile.Benchmarks.Site;

/// <summary>The programs the benchmark needs, where it finds them, and small file helpers.</summary>
internal static class Tools
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>What is missing and how to get it; null when Hugo, GNU time and the built CLI are all there.</summary>
    public static string? Missing(string cli)
    {
        if (!File.Exists("/usr/bin/time"))
        {
            return "GNU time is not installed: apt-get update && apt-get install -y time";
        }

        if (Run("hugo", "version") is null)
        {
            return "Hugo is not installed. It is the baseline of this benchmark: apt-get update && apt-get install -y hugo";
        }

        return File.Exists(cli) ? null : $"The CLI was not built at {cli}: dotnet build -c {Configuration} site/Smile.Site.Cli";
    }

    public static string HugoVersion() => Run("hugo", "version")?.Split(' ').ElementAtOrDefault(1)?.Split('+')[0] ?? "";

    /// <summary>The given pagefind, the one in <c>site/node_modules</c>, or pagefind@1.6.0 installed with npm into <paramref name="work"/>.</summary>
    public static async Task<string?> PagefindAsync(string? given, string repository, string work, RunFacts facts)
    {
        if (given == "none")
        {
            facts.Notes.Add("Pagefind skipped (`--pagefind none`).");
            return null;
        }

        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new ArgumentException($"pagefind was not found at {given}.");
        }

        var local = Path.Combine(repository, "site", "node_modules", ".bin", "pagefind");
        if (File.Exists(local))
        {
            return local;
        }

        var folder = Path.Combine(work, "pagefind");
        Directory.CreateDirectory(folder);
        Console.WriteLine("Installing pagefind@1.6.0 with npm into a temporary folder ...");
        var npm = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--prefix", folder, "pagefind@1.6.0"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(npm)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var program = Path.Combine(folder, "node_modules", ".bin", "pagefind");
            if (process.ExitCode == 0 && File.Exists(program))
            {
                return program;
            }

            facts.Notes.Add($"Pagefind skipped: `npm install pagefind@1.6.0` failed: {(await errors).Trim()}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            facts.Notes.Add("Pagefind skipped: npm is not installed (apt-get install -y npm).");
        }

        return null;
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Smile.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>The commit measured, and whether the generator or theme differed from it (they change while others work).</summary>
    public static string TreeState(string repository)
    {
        var head = Run("git", $"-C {repository} rev-parse --short HEAD");
        if (string.IsNullOrEmpty(head))
        {
            return "unknown (not a git checkout)";
        }

        var changed = (Run("git", $"-C {repository} status --porcelain --untracked-files=no -- site themes") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return changed == 0 ? $"commit {head}" : $"commit {head} with {changed} uncommitted changed file(s) under site/ and themes/";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public static string? Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
