using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Smile.Admin.Localization;

/// <summary>The admin speaks German; English is the second language, chosen by a cookie.</summary>
public static class AdminCultures
{
    public const string German = "de";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [German, English];

    public static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(German),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // Only the editor's explicit choice: a browser in English does not switch the team's admin.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }
}
