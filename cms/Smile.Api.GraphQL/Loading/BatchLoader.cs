using GraphQL.DataLoader;

namespace Smile.Api.GraphQL.Loading;

/// <summary>
/// Collects keys while a level of the query is resolved and fetches them all in one call when the first
/// result is awaited: a page of 100 items with their tags costs one round trip for the tags, not 100.
/// One instance per request.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private Task? _inflight;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new Pending(this, key);
    }

    /// <summary>Several keys at once, in order; keys without a value are left out.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IReadOnlyList<TKey> keys)
    {
        var results = keys.Select(Load).ToList();
        return new Many(results);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task inflight;
            lock (_gate)
            {
                if (_loaded.TryGetValue(key, out var value))
                {
                    return value;
                }

                if (_inflight is null || _inflight.IsCompleted)
                {
                    if (!_pending.Contains(key))
                    {
                        return default;
                    }

                    TKey[] keys = [.. _pending];
                    _pending.Clear();
                    _inflight = FetchAsync(keys, cancellationToken);
                }

                inflight = _inflight;
            }

            await inflight;
        }
    }

    private async Task FetchAsync(TKey[] keys, CancellationToken cancellationToken)
    {
        var fetched = await fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                // Missing keys are remembered too, so an unknown id is not fetched again.
                _loaded[key] = fetched.TryGetValue(key, out var value) ? value : default!;
            }
        }
    }

    private sealed class Many(List<IDataLoaderResult<TValue?>> results) : IDataLoaderResult<IReadOnlyList<TValue>>
    {
        public async Task<IReadOnlyList<TValue>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new List<TValue>(results.Count);
            foreach (var result in results)
            {
                if (await result.GetResultAsync(cancellationToken) is { } value)
                {
                    values.Add(value);
                }
            }

            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
