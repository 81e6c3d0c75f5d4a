using System.Security.Cryptography;

namespace Smile.Cms.ScaleOutTests;

internal static class Words
{
    /// <summary>A made-up word of letters only, so titles stay unique and search finds exactly one item.</summary>
    public static string Random() => "Q" + new string(RandomNumberGenerator.GetItems<char>("bcdfghjklmnprstvwz", 9));
}
