using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Smile.Site.Themes;

/// <summary>
/// A theme as plain files: <c>theme.json</c>, Liquid templates under <c>layouts/</c> (Hugo's vocabulary:
/// <c>baseof</c>, <c>index</c>, <c>{type}/single</c>, <c>{type}/list</c>, <c>_default/single</c>) and
/// <c>partials/</c>, translations under <c>i18n/</c>, fingerprinted <c>assets/</c> and verbatim <c>static/</c> files.
/// </summary>
public sealed partial class Theme
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _uses = new(StringComparer.Ordinal);

    private Theme(string root, ThemeSettings settings)
    {
        Root = root;
        Settings = settings;
        // Settings and words count as templates: a page depends on them as on its layout.
        Templates = Directory.EnumerateFiles(root, "*.liquid", SearchOption.AllDirectories)
            .Concat(Directory.Exists(Path.Combine(root, "i18n")) ? Directory.EnumerateFiles(Path.Combine(root, "i18n"), "*.json") : [])
            .Append(Path.Combine(root, "theme.json"))
            .ToDictionary(f => Relative(root, f), f => Hash(File.ReadAllBytes(f)), StringComparer.Ordinal);
        Translations = Settings.Cultures.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, string>)ReadTranslations(root, c.Value.Translations ?? c.Key), StringComparer.Ordinal);
        var assets = Path.Combine(root, "assets");
        Assets = Directory.Exists(assets)
            ? Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).ToDictionary(f => Relative(assets, f), Fingerprinted, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        var statics = Path.Combine(root, "static");
        var files = Templates.Concat(Assets).Concat(Directory.Exists(statics)
            ? Directory.EnumerateFiles(statics, "*", SearchOption.AllDirectories).Select(f => KeyValuePair.Create(Relative(root, f), Hash(File.ReadAllBytes(f))))
            : []);
        Fingerprint = Hash(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))));
    }

    public string Root { get; }

    public ThemeSettings Settings { get; }

    /// <summary>Every template and partial by its path under the theme, with a hash of its text.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Translations { get; }

    /// <summary>Changes when any file of the theme changes.</summary>
    public string Fingerprint { get; }

    /// <summary>Asset path under <c>assets/</c> to its fingerprinted URL, e.g. <c>css/site.css</c> to <c>/assets/css/site.1a2b3c4d.css</c>.</summary>
    public IReadOnlyDictionary<string, string> Assets { get; }

    public static Theme Load(string root)
    {
        var file = Path.Combine(root, "theme.json");
        if (!File.Exists(file))
        {
            throw new SiteBuildException($"'{root}' is not a theme: it has no theme.json.");
        }

        ThemeSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<ThemeSettings>(File.ReadAllText(file), Json);
        }
        catch (JsonException e)
        {
            throw new SiteBuildException($"{file} cannot be read: {e.Message}", e);
        }

        return new Theme(Path.GetFullPath(root), settings ?? throw new SiteBuildException($"{file} is empty."));
    }

    /// <summary>What every page depends on besides its layouts: the settings and the words of its culture.</summary>
    public IEnumerable<string> Shared(string culture) =>
        ["theme.json", $"i18n/{Settings.Cultures.GetValueOrDefault(culture)?.Translations ?? culture}.json"];

    /// <summary>The first of the candidate layouts the theme has, e.g. <c>newsarticle/single</c>, then <c>_default/single</c>.</summary>
    public string? Find(IEnumerable<string> candidates) => candidates.Select(c => $"layouts/{c}.liquid").FirstOrDefault(Templates.ContainsKey);

    public string Source(string template) => File.ReadAllText(Path.Combine(Root, template));

    /// <summary>A template and every partial it includes, transitively: what a page rendered with it depends on.</summary>
    public IReadOnlyList<string> Uses(string template) => _uses.GetOrAdd(template, t =>
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([t]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next) || !Templates.ContainsKey(next))
            {
                continue;
            }

            foreach (Match include in IncludePattern().Matches(Source(next)))
            {
                pending.Push($"partials/{include.Groups["name"].Value}.liquid");
            }
        }

        return [.. seen];
    });

    /// <summary>
    /// The file a fingerprinted asset URL (<c>/assets/css/site.1a2b3c4d5e.css</c>) stands for, read from the theme's
    /// <c>assets/</c> without loading the whole theme; null unless the file exists and still has that fingerprint.
    /// </summary>
    public static string? FindAsset(string root, string url)
    {
        const string Prefix = "/assets/";
        var extension = Path.GetExtension(url);
        var stem = url.StartsWith(Prefix, StringComparison.Ordinal) ? url[Prefix.Length..^extension.Length] : "";
        var dot = stem.LastIndexOf('.');
        if (dot <= 0 || stem.Length - dot != 11)
        {
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(root, "assets")) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(Path.Combine(folder, stem[..dot] + extension));
        return file.StartsWith(folder, StringComparison.Ordinal) && File.Exists(file) && Hash(File.ReadAllBytes(file))[..10] == stem[(dot + 1)..]
            ? file
            : null;
    }

    private string Fingerprinted(string file)
    {
        var relative = Relative(Path.Combine(Root, "assets"), file);
        var extension = Path.GetExtension(relative);
        return $"/assets/{relative[..^extension.Length]}.{Hash(File.ReadAllBytes(file))[..10]}{extension}";
    }

    private static Dictionary<string, string> ReadTranslations(string root, string name)
    {
        var file = Path.Combine(root, "i18n", name + ".json");
        return File.Exists(file)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file), Json) ?? []
            : [];
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    internal static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    [GeneratedRegex(@"\{%-?\s*(?:include|render)\s+['""](?<name>[^'""]+)['""]")]
    private static partial Regex IncludePattern();
}
