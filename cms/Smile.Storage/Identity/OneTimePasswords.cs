using System.Security.Cryptography;

namespace Smile.Storage.Identity;

/// <summary>Passwords Smile makes up itself (first administrator, new users, resets): shown once, never stored in clear.</summary>
public static class OneTimePasswords
{
    /// <summary>24 characters from a URL-safe alphabet plus the classes Identity's default policy asks for.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y') + "-Aa1";
}
