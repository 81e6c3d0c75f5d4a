using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Smile.Cms;
using Smile.Cms.Commands;

namespace Smile.Operations.Tests;

public sealed record CommandRun(int ExitCode, string Output, string Error);

/// <summary>The host's <c>backup</c> and <c>restore</c> commands, run as <c>Program</c> runs them: a host built on an installation's settings, never started.</summary>
public static class OperatorCli
{
    public static Task<CommandRun> BackupAsync(IReadOnlyDictionary<string, string?> settings, string archive) =>
        RunAsync(settings, (app, output, error) => BackupCommand.RunAsync(app, ["--out", archive], output, error));

    public static Task<CommandRun> RestoreAsync(IReadOnlyDictionary<string, string?> settings, string archive, bool force = false) =>
        RunAsync(settings, (app, output, error) => RestoreCommand.RunAsync(app, force ? ["--in", archive, "--force"] : ["--in", archive], output, error));

    private static async Task<CommandRun> RunAsync(IReadOnlyDictionary<string, string?> settings, Func<WebApplication, TextWriter, TextWriter, Task<int>> command)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSmileCms();
        await using var app = builder.Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await command(app, output, error);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new CommandRun(exit, output.ToString(), error.ToString());
    }
}
