using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Rendering;

/// <summary>
/// <c>site</c> in templates: the site's title, base URL and build time, and every content type's items in the
/// page's culture by type name (<c>site.NewsArticle</c>), in the theme's order.
/// </summary>
internal sealed class SiteValue(Theme theme, SiteOptions options, RenderScope scope, string? culture = null) : FluidValue
{
    private string Culture => culture ?? scope.Culture;

    public override FluidValues Type => FluidValues.Object;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        var settings = theme.Settings.Cultures.GetValueOrDefault(Culture);
        return new(name switch
        {
            "title" => StringValue.Create(settings?.SiteTitle ?? ""),
            "home" => StringValue.Create(settings?.Home ?? "/"),
            "lang" => StringValue.Create(settings?.HtmlLang ?? Culture),
            "culture" => StringValue.Create(Culture),
            // The same site in the default culture: legal pages and people exist in German only.
            "fallback" => new SiteValue(theme, options, scope, options.Cultures[0]),
            "organization_ld" => new StringValue(SiteFilters.LdJson(new Dictionary<string, object>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "GovernmentOrganization",
                ["name"] = settings?.SiteTitle ?? "",
                ["url"] = options.BaseUrl.TrimEnd('/') + (settings?.Home ?? "/"),
            }), false),
            "base_url" => StringValue.Create(options.BaseUrl.TrimEnd('/')),
            "sensorthings_url" => options.SensorThingsUrl is { } sensorThings ? StringValue.Create(sensorThings.TrimEnd('/')) : NilValue.Instance,
            "build_time" => StringValue.Create(options.Now.ToString("O", CultureInfo.InvariantCulture)),
            "cultures" => new ArrayValue([.. theme.Settings.Cultures.Keys.Select(StringValue.Create)]),
            _ => new ItemListValue(SiteContent.CollectionKey(name, Culture), () => scope.Content.Collection(name, Culture), scope),
        });
    }

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => "site";

    public override object ToObjectValue() => this;

    [Obsolete("WriteTo is obsolete, prefer the WriteToAsync method.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => writer.Write("site");

    public override int GetHashCode() => 0;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}
