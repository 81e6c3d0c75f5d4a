namespace Smile.Content.Definitions;

/// <summary>Behaviours a content type is composed of, next to its fields.</summary>
public enum ContentPart
{
    /// <summary>The item's title; every type has it.</summary>
    Title,

    /// <summary>A slug made from the title and a path from the type's path pattern.</summary>
    Autoroute,

    /// <summary>A Markdown body, exposed as the implicit field <c>body</c>.</summary>
    MarkdownBody,

    /// <summary>Publishing can be scheduled for a later time.</summary>
    PublishLater,

    /// <summary>The item can have versions in other cultures, linked by a localization set.</summary>
    Localization,
}
