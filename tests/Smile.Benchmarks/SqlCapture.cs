using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Smile.Content.Querying;
using Smile.Storage;
using Smile.Storage.Content;
using Smile.Storage.Postgres;
using Smile.Storage.Sqlite;
using Smile.Testing;

namespace Smile.Benchmarks;

/// <summary>One statement EF Core sent, with its parameter values, to be shown and replayed.</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value, DbType Type)> Parameters);

/// <summary>The SQL that EF Core sends for a reader call, taken from a ContentReader over an intercepted context.</summary>
internal static class SqlCapture
{
    public static async Task<IReadOnlyList<CapturedCommand>> ReaderCommandsAsync(TestDatabase db, Func<IContentReader, Task> call)
    {
        var recorder = new Recorder();
        var options = new DbContextOptionsBuilder<SmileDbContext>();
        if (db.Provider == BaselineQueries.Sqlite)
        {
            SqliteStorage.Configure(options, db.ConnectionString);
        }
        else
        {
            PostgresStorage.Configure(options, db.ConnectionString);
        }

        options.AddInterceptors(recorder);
        await call(new ContentReader(new Factory(options.Options)));
        return [.. recorder.Commands];
    }

    private sealed class Factory(DbContextOptions<SmileDbContext> options) : IDbContextFactory<SmileDbContext>
    {
        public SmileDbContext CreateDbContext() => new(options);
    }

    private sealed class Recorder : DbCommandInterceptor
    {
        public ConcurrentQueue<CapturedCommand> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command) =>
            Commands.Enqueue(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value, p.DbType))]));
    }
}
