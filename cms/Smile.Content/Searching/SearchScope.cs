namespace Smile.Content.Searching;

/// <summary>Which versions a search reads: two separate indexes, so drafts cannot leak into public answers.</summary>
public enum SearchScope
{
    /// <summary>Published versions only: what anonymous callers search.</summary>
    Published,

    /// <summary>The newest version of every item, published or not: the editors' search.</summary>
    Latest,
}
