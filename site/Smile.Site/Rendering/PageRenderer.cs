using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Smile.Site.Content;
using Smile.Site.Pages;
using Smile.Site.Themes;

namespace Smile.Site.Rendering;

/// <summary>Renders pages with the theme's Liquid templates (Fluid): the page's layout, then <c>baseof</c> around it.</summary>
public sealed class PageRenderer
{
    private const string BaseLayout = "layouts/baseof.liquid";

    // Output is HTML-encoded unless a value says otherwise; letters such as ä stay letters.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Layout, string Culture), IReadOnlyList<string>> _usedTemplates = new();
    private readonly Theme _theme;
    private readonly SiteOptions _site;

    public PageRenderer(Theme theme, SiteOptions site)
    {
        _theme = theme;
        _site = site;
        // Partials from memory: Fluid asks the file provider about a partial at every include (thousands per build).
        _options.FileProvider = new PartialFiles(Path.Combine(theme.Root, "partials"));
        _options.TimeZone = Berlin;
        SiteFilters.Register(_options.Filters, theme, site);
    }

    /// <summary>Renders one page into <paramref name="html"/> (appended), returning what it depended on.</summary>
    public async Task<RenderedPage> RenderAsync(PageJob job, SiteContent content, BuildWarnings warnings, StringBuilder html)
    {
        var layout = _theme.Find(job.Layouts)
            ?? throw new SiteBuildException($"The theme has no layout for {job.Path}: tried {string.Join(", ", job.Layouts.Select(l => $"layouts/{l}.liquid"))}.");
        var scope = new RenderScope(content, job.Culture, warnings);
        var context = new TemplateContext(_options)
        {
            CultureInfo = CultureInfo.GetCultureInfo(job.Culture == "en" ? "en-GB" : "de-DE"),
            TimeZone = Berlin,
        };
        context.AmbientValues[SiteFilters.ScopeKey] = scope;
        context.SetValue("site", new SiteValue(_theme, _site, scope));
        context.SetValue("page", PageValue(job, scope));
        context.SetValue("t", new DictionaryValue(new TranslationIndexable(_theme.Translations.GetValueOrDefault(job.Culture) ?? new Dictionary<string, string>())));
        if (job.Item is { } item)
        {
            context.SetValue("item", new ItemValue(item, scope));
        }

        var body = Buffers.Rent();
        try
        {
            // Not isolated: what the page layout assigns (title, description, json_ld, breadcrumbs) reaches baseof.
            await using (var bodyWriter = new StringWriter(body, CultureInfo.InvariantCulture))
            {
                await Template(layout).RenderAsync(bodyWriter, context, Encoder, isolateContext: false);
            }

            context.SetValue("content", new RawTextValue(body));
            await using var writer = new StringWriter(html, CultureInfo.InvariantCulture);
            await Template(BaseLayout).RenderAsync(writer, context, Encoder, isolateContext: false);
        }
        catch (SiteBuildException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or ParseException)
        {
            throw new SiteBuildException($"{layout} failed on {job.Path}: {e.Message}", e);
        }
        finally
        {
            Buffers.Return(body);
        }

        var templates = _usedTemplates.GetOrAdd((layout, job.Culture), key =>
            [.. _theme.Uses(key.Layout).Concat(_theme.Uses(BaseLayout)).Concat(_theme.Shared(key.Culture)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        return new RenderedPage(job, layout, templates, scope);
    }

    private IFluidTemplate Template(string name) => _templates.GetOrAdd(name, n =>
        _parser.TryParse(_theme.Source(n), out var template, out var error)
            ? template
            : throw new SiteBuildException($"{n} is not valid Liquid: {error}"));

    private static DictionaryValue PageValue(PageJob job, RenderScope scope)
    {
        var values = new Dictionary<string, FluidValue>(StringComparer.Ordinal)
        {
            ["path"] = StringValue.Create(job.Path),
            ["kind"] = StringValue.Create(job.Kind),
            ["culture"] = StringValue.Create(job.Culture),
            ["number"] = NumberValue.Create(job.PageNumber),
            ["count"] = NumberValue.Create(job.PageCount),
            ["previous_path"] = job.PreviousPath is null ? NilValue.Instance : StringValue.Create(job.PreviousPath),
            ["next_path"] = job.NextPath is null ? NilValue.Instance : StringValue.Create(job.NextPath),
            ["section"] = job.Section is null ? NilValue.Instance : StringValue.Create(job.Section.Name),
            ["alternates"] = new ArrayValue([.. job.Alternates.Where(a => a.Key != job.Culture).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a =>
                new DictionaryValue(new FluidValueDictionaryFluidIndexable(new Dictionary<string, FluidValue>
                {
                    ["culture"] = StringValue.Create(a.Key),
                    ["path"] = StringValue.Create(a.Value),
                })))]),
        };
        if (job.Section is { Type: { } type } && job.Slice is { } slice)
        {
            values["items"] = new ItemListValue(SiteContent.CollectionKey(type, job.Culture), () => [.. scope.Content.Collection(type, job.Culture).Skip(slice.Skip).Take(slice.Take)], scope);
            values["total"] = NumberValue.Create(scope.Content.Collection(type, job.Culture).Count);
        }

        return new DictionaryValue(new FluidValueDictionaryFluidIndexable(values));
    }

    private sealed class TranslationIndexable(IReadOnlyDictionary<string, string> translations) : IFluidIndexable
    {
        public int Count => translations.Count;

        public IEnumerable<string> Keys => translations.Keys;

        public bool TryGetValue(string name, out FluidValue value)
        {
            // A missing translation shows its key: visible in review, never an empty link text.
            value = StringValue.Create(translations.GetValueOrDefault(name, name));
            return true;
        }
    }
}

/// <summary>The layout a page was rendered with, and what it depended on.</summary>
public sealed record RenderedPage(PageJob Job, string Layout, IReadOnlyList<string> Templates, RenderScope Scope);
