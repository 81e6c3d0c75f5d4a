using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smile.Cms.Configuration;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Recipes;
using Smile.Storage;
using Smile.Storage.Leases;
using Smile.Storage.Schema;
using Smile.Storage.Sqlite;

namespace Smile.Cms.Startup;

/// <summary>
/// Runs before the server listens: migrates the database (EF Core takes a migrations lock, so nodes
/// starting together do not race; a database migrated by a newer Smile is refused untouched), imports the
/// seed recipe into an empty database, and creates the first administrator.
/// </summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<SmileDbContext> contexts,
    IContentReader reader,
    RecipeImporter importer,
    AdministratorBootstrap administrator,
    StartupState state,
    ILeaseProvider leases,
    IOptions<SmileOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                await SchemaMigrator.MigrateAsync(db, cancellationToken);
                if (db.Database.IsSqlite())
                {
                    await SqliteStorage.UseWriteAheadLogAsync(db, cancellationToken);
                }
            }

            // Nodes starting together on an empty database: one seeds, the others wait and find it done.
            await using (await AcquireStartupLeaseAsync(cancellationToken))
            {
                await SeedAsync(cancellationToken);
                await administrator.EnsureAsync(cancellationToken);
            }

            state.MarkReady();
        }
        catch (DatabaseNewerThanApplicationException ex)
        {
            LogNewerDatabase(logger, ex.Message);
            state.MarkFailed(ex);
            throw;
        }
        catch (Exception ex)
        {
            state.MarkFailed(ex);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<IAsyncDisposable> AcquireStartupLeaseAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (await leases.TryAcquireAsync("startup", timeout.Token) is { } lease)
            {
                return lease;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var recipe = options.Value.SeedRecipe;
        if (string.IsNullOrEmpty(recipe) || (await reader.ListTypesAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var path = File.Exists(recipe) ? recipe : RecipeImporter.BundledRecipePath(recipe);
        var result = await importer.ImportFileAsync(path, Actor.System, cancellationToken);
        LogSeeded(logger, recipe, result.TypesChanged, result.Created);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start refused: {Reason}")]
    private static partial void LogNewerDatabase(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database seeded from {Recipe}: {Types} content types, {Items} items")]
    private static partial void LogSeeded(ILogger logger, string recipe, int types, int items);
}
