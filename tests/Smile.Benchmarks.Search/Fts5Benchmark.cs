using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Smile.Benchmarks.Search;

/// <summary>
/// The baseline: SQLite FTS5 (unicode61 tokenizer, diacritics folded, no stemming, no compound splitting)
/// over the same titles, teasers and bodies; each query counts its matches and reads the 20 best with a snippet.
/// </summary>
internal sealed class Fts5Benchmark : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smile-bench-fts5-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SqliteConnection _connection;

    private Fts5Benchmark()
    {
        Directory.CreateDirectory(_folder);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "fts.db"), Pooling = false }.ToString());
        _connection.Open();
    }

    public static (Fts5Benchmark Index, BuildResult Build) Build(IReadOnlyList<Corpus.Article> articles)
    {
        var bench = new Fts5Benchmark();
        Execute(bench._connection, "PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE docs USING fts5(title, teaser, body, tokenize = 'unicode61 remove_diacritics 2');");
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using (var transaction = bench._connection.BeginTransaction())
        {
            using var insert = bench._connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (rowid, title, teaser, body) VALUES ($id, $title, $teaser, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var teaser = insert.Parameters.Add("$teaser", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            for (var i = 0; i < articles.Count; i++)
            {
                id.Value = i;
                title.Value = articles[i].Title;
                teaser.Value = articles[i].Teaser;
                body.Value = articles[i].Body;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Execute(bench._connection, "INSERT INTO docs(docs) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var bytes = new DirectoryInfo(bench._folder).EnumerateFiles().Sum(f => f.Length);
        return (bench, new BuildResult("SQLite FTS5 (no stemming)", articles.Count, elapsed, bytes, cpu));
    }

    public async Task<IReadOnlyList<LatencyResult>> QueryAsync(IReadOnlyList<BenchmarkQuery> queries, int warmup)
    {
        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM docs WHERE docs MATCH $q";
        var countQuery = count.Parameters.Add("$q", SqliteType.Text);
        using var page = _connection.CreateCommand();
        page.CommandText = "SELECT rowid, snippet(docs, 2, '<mark>', '</mark>', '…', 24) FROM docs WHERE docs MATCH $q ORDER BY bm25(docs, 3.0, 1.0, 1.0) LIMIT 20";
        var pageQuery = page.Parameters.Add("$q", SqliteType.Text);
        long Run(string query)
        {
            countQuery.Value = query;
            pageQuery.Value = query;
            var total = (long)count.ExecuteScalar()!;
            using var reader = page.ExecuteReader();
            while (reader.Read())
            {
                _ = reader.GetInt64(0);
                _ = reader.GetString(1);
            }

            return total;
        }

        var runnable = queries.Where(q => q.Fts5 is not null).ToList();
        await WarmUp.UntilCompiledAsync(() =>
        {
            foreach (var query in runnable.FirstOfEachKind(warmup))
            {
                Run(query.Fts5!);
            }

            return Task.CompletedTask;
        });

        var results = new List<LatencyResult>();
        foreach (var kind in runnable.Select(q => q.Kind).Distinct())
        {
            var timings = new List<double>();
            var hits = 0L;
            foreach (var query in runnable.Where(q => q.Kind == kind))
            {
                var started = Stopwatch.GetTimestamp();
                hits += Run(query.Fts5!);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            results.Add(new LatencyResult(kind, Timings.Of(timings), (double)hits / timings.Count, 0));
        }

        return results;
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
