namespace Smile.Site;

/// <summary>The build cannot go on; the message names the item, template or file and what is wrong.</summary>
public sealed class SiteBuildException(string message, Exception? inner = null) : Exception(message, inner);
