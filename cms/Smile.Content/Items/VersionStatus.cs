namespace Smile.Content.Items;

/// <summary>Which version of each item a read wants.</summary>
public enum VersionStatus
{
    /// <summary>The live version; the only one anonymous readers ever see.</summary>
    Published,

    /// <summary>The newest version, published or not.</summary>
    Latest,

    /// <summary>The newest version of items whose newest version is not published.</summary>
    Draft,

    /// <summary>Every version.</summary>
    All,
}
