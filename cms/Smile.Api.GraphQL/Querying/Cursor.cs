using System.Globalization;
using System.Text;
using Smile.Api.GraphQL.Execution;

namespace Smile.Api.GraphQL.Querying;

/// <summary>Opaque cursors: the position in a list, base64-encoded so clients do not build them by hand.</summary>
internal static class Cursor
{
    private const string Prefix = "o:";
    private const int MaxOffset = 100_000_000;

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            // Offsets stay far below int.MaxValue, so "after" + 1 cannot overflow into a negative skip.
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset is >= 0 and < MaxOffset)
            {
                return offset + 1;
            }
        }
        catch (FormatException)
        {
            // fall through to the error below
        }

        throw ApiErrors.BadInput($"'{cursor}' is not a cursor this API handed out.");
    }
}
