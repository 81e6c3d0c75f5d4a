using System.Collections.Concurrent;
using System.Text;

namespace Smile.Site.Rendering;

/// <summary>
/// Text buffers for pages being rendered, used again by the next page: a build renders ten thousand pages, and
/// new buffers for each (many above the large-object threshold) were most of its garbage.
/// </summary>
internal static class Buffers
{
    // A buffer that grew past this (an unusually long page) is left to the collector rather than kept.
    private const int KeptCapacity = 4 * 1024 * 1024;

    private static readonly ConcurrentBag<StringBuilder> Pool = [];

    public static StringBuilder Rent() => Pool.TryTake(out var builder) ? builder : new StringBuilder(64 * 1024);

    public static void Return(StringBuilder builder)
    {
        if (builder.Capacity <= KeptCapacity && Pool.Count < 16)
        {
            builder.Clear();
            Pool.Add(builder);
        }
    }
}
