namespace Smile.Site.Themes;

/// <summary>A theme's <c>theme.json</c>: its cultures, the order of each type's items, and its list sections.</summary>
public sealed record ThemeSettings
{
    public required IReadOnlyDictionary<string, CultureSettings> Cultures { get; init; }

    /// <summary>Type name to order: a field name, with <c>-</c> in front for descending. Default: title.</summary>
    public IReadOnlyDictionary<string, string> Orders { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SectionSettings> Sections { get; init; } = [];

    /// <summary>The type whose items make the RSS and Atom feeds.</summary>
    public string? FeedType { get; init; }

    /// <summary>The type whose items make the iCalendar feed; fields <c>start</c>, <c>end</c>, <c>eventStatus</c>.</summary>
    public string? CalendarType { get; init; }

    /// <summary>
    /// Type name to fields with arguments that the theme shows (a week of hourly readings, another image size), in
    /// GraphQL selection syntax. The generator selects every field without arguments by itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> Selections { get; init; } = new Dictionary<string, string>();

    /// <summary>Types whose answers change without a publish (sensor readings): read again at every build.</summary>
    public IReadOnlyList<string> Refresh { get; init; } = [];

    /// <summary>The type of the accessibility statement ("Erklärung zur Barrierefreiheit") and the fields it must fill.</summary>
    public StatementSettings? AccessibilityStatement { get; init; }
}

public sealed record CultureSettings
{
    /// <summary>The home page's path, e.g. <c>/</c> or <c>/en/</c>.</summary>
    public required string Home { get; init; }

    public required string SiteTitle { get; init; }

    /// <summary>The <c>lang</c> attribute; Leichte Sprache is German to browsers and screen readers.</summary>
    public string? HtmlLang { get; init; }

    /// <summary>Other cultures link here with <c>hreflang</c>; Leichte Sprache is linked visibly instead.</summary>
    public bool Hreflang { get; init; } = true;

    /// <summary>The translations file under <c>i18n/</c>; defaults to the culture.</summary>
    public string? Translations { get; init; }
}

/// <summary>A list page: all items of a type (paginated when <see cref="PageSize"/> is set), or a page without items (search).</summary>
public sealed record SectionSettings
{
    public required string Name { get; init; }

    public required string Template { get; init; }

    public string? Type { get; init; }

    public int? PageSize { get; init; }

    /// <summary>Culture to path, e.g. <c>{"de": "/aktuelles", "en": "/en/news"}</c>.</summary>
    public required IReadOnlyDictionary<string, string> Paths { get; init; }
}

public sealed record StatementSettings
{
    public required string Type { get; init; }

    /// <summary>Field name to the part it stands for, in the words of the build error.</summary>
    public required IReadOnlyDictionary<string, string> RequiredFields { get; init; }
}
