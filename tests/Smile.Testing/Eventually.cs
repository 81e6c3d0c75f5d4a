namespace Smile.Testing;

public static class Eventually
{
    /// <summary>
    /// Polls until <paramref name="done"/> holds or the time is up, and returns the last value read: followers of
    /// the outbox and ingestion are asynchronous by design, so tests wait on a condition, never a fixed sleep.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
