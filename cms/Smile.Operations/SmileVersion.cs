using System.Reflection;

namespace Smile.Operations;

/// <summary>The version of this Smile build, as written into backups and compared on restore.</summary>
public static class SmileVersion
{
    public static string Current { get; } = Read();

    /// <summary>Whether <paramref name="archived"/> is newer than <paramref name="running"/> (build metadata after '+' and pre-release tags after '-' ignored).
    /// An unreadable archived version counts as newer: nothing is restored that this build cannot place.</summary>
    public static bool IsNewer(string archived, string running) =>
        !Version.TryParse(Core(archived), out var a) || (Version.TryParse(Core(running), out var r) && a > r);

    private static string Core(string version) => version.Split('+', '-')[0];

    private static string Read()
    {
        var informational = typeof(SmileVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return Core(informational ?? typeof(SmileVersion).Assembly.GetName().Version?.ToString() ?? "0.0.0");
    }
}
