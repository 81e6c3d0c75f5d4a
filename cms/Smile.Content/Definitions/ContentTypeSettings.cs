namespace Smile.Content.Definitions;

public sealed record ContentTypeSettings
{
    /// <summary>Editors may create items of this type.</summary>
    public bool Creatable { get; init; } = true;

    /// <summary>Items of this type appear in lists of the admin and the API.</summary>
    public bool Listable { get; init; } = true;

    /// <summary>Every save keeps the previous version; otherwise only the latest version is kept.</summary>
    public bool Versionable { get; init; } = true;

    /// <summary>Items may exist in several cultures linked by a localization set.</summary>
    public bool Localizable { get; init; } = true;
}
