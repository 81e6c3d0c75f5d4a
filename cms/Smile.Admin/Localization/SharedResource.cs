namespace Smile.Admin.Localization;

/// <summary>
/// The layout's strings (navigation, buttons used on many pages, status names): German keys,
/// English in <c>Resources/Localization/SharedResource.en.resx</c>. Pages keep their own resource files.
/// </summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<T>, never instantiated
public sealed class SharedResource
#pragma warning restore CA1052
{
}
