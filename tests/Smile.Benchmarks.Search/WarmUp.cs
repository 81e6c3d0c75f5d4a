using System.Runtime;

namespace Smile.Benchmarks.Search;

/// <summary>
/// Warm-up until the code measured runs at its final tier. The runtime compiles a method quickly first and
/// again, optimized with what it learned, only once the method is hot and the process has had a quiet spell
/// for its background compiler. A fixed number of warm-up queries left the searches measured three times as
/// costly when nothing ran before them in the process. So a round of warm-up queries repeats, with a pause
/// after each, until a round and its pause compile next to no methods.
/// </summary>
internal static class WarmUp
{
    private const int MaxRounds = 30;
    private const int QuietBelowMethods = 5;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs <paramref name="round"/> until the JIT is quiet (or <see cref="MaxRounds"/>); returns the rounds run.</summary>
    public static async Task<int> UntilCompiledAsync(Func<Task> round)
    {
        for (var rounds = 1; ; rounds++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await round();
            await Task.Delay(Pause);
            if (JitInfo.GetCompiledMethodCount() - compiled < QuietBelowMethods || rounds == MaxRounds)
            {
                return rounds;
            }
        }
    }

    /// <summary>The first queries of every kind, so that every kind's code (phrase and fuzzy scoring, their snippets) is warmed.</summary>
    public static IEnumerable<BenchmarkQuery> FirstOfEachKind(this IEnumerable<BenchmarkQuery> queries, int perKind) =>
        queries.GroupBy(q => q.Kind).SelectMany(kind => kind.Take(perKind));
}
