using System.Text;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Smile.Content.Definitions;
using Smile.Content.Items;

namespace Smile.Search.Indexing;

/// <summary>
/// Turns a version into a search document: title, the words of its text, Markdown and HTML fields, the
/// titles of its taxonomy terms and enumeration labels, its type, path and dates, and facet values.
/// </summary>
public static class SearchDocumentBuilder
{
    public const string DistrictTaxonomy = "District";
    public const string FieldOfActionTaxonomy = "FieldOfAction";

    /// <summary>
    /// Pairs of adjacent words (<see cref="Analysis.WordPairFilter"/>) with their counts but no positions: a pair is
    /// looked up as a term (a longer phrase takes positions from the words), and positions of pairs would cost a
    /// tenth more indexing time and index size.
    /// </summary>
    private static readonly FieldType PairsType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <param name="type">The version's content type; null when it is gone (the version is indexed by its title alone).</param>
    /// <param name="termTitles">Titles of referenced taxonomy terms, by item id.</param>
    public static Document Build(ContentVersion version, ContentTypeDefinition? type, IReadOnlyDictionary<string, string> termTitles)
    {
        var document = new Document
        {
            new StringField(IndexFields.Id, version.ItemId, Field.Store.NO),
            new StringField(IndexFields.ContentType, version.ContentType, Field.Store.NO),
            new TextField(IndexFields.Title, version.Title, Field.Store.NO),
            new Field(IndexFields.TitlePairs, version.Title, PairsType),
            new SortedSetDocValuesField(IndexFields.ContentTypeFacet, Facet(version.ContentType, type?.DisplayName ?? version.ContentType)),
            new NumericDocValuesField(IndexFields.ModifiedAt, version.ModifiedAt.Ticks),
            Shown(IndexFields.ShownId, version.ItemId),
            Shown(IndexFields.ShownContentType, version.ContentType),
            Shown(IndexFields.ShownTitle, version.Title),
        };
        if (version.Path is { } path)
        {
            document.Add(new StringField(IndexFields.Path, path, Field.Store.NO));
            document.Add(Shown(IndexFields.ShownPath, path));
        }

        if (version.PublishedAt is { } publishedAt)
        {
            document.Add(new NumericDocValuesField(IndexFields.PublishedAt, publishedAt.Ticks));
        }

        var text = new StringBuilder();
        var terms = new StringBuilder();
        foreach (var field in type?.AllFields ?? [])
        {
            if (version.Fields[field.Name] is { } value)
            {
                AddField(document, field, value, text, terms, termTitles);
            }
        }

        var words = text.ToString();
        document.Add(new TextField(IndexFields.Text, words, Field.Store.NO));
        document.Add(new Field(IndexFields.TextPairs, words, PairsType));
        document.Add(Shown(IndexFields.ShownText, words.Length <= IndexFields.MaxShownText ? words : words[..IndexFields.MaxShownText]));
        document.Add(new TextField(IndexFields.Terms, terms.ToString(), Field.Store.NO));
        return document;
    }

    private static void AddField(Document document, FieldDefinition field, JsonNode value, StringBuilder text, StringBuilder terms, IReadOnlyDictionary<string, string> termTitles)
    {
        switch (field.Kind)
        {
            case FieldKind.Text when value is JsonValue:
                PlainText.AppendLine(text, value.GetValue<string>());
                break;
            case FieldKind.Markdown or FieldKind.Html when value["html"] is JsonValue html:
                PlainText.AppendLine(text, PlainText.FromHtml(html.GetValue<string>()));
                break;
            case FieldKind.Enumeration:
                foreach (var item in Strings(value))
                {
                    PlainText.AppendLine(terms, field.Settings.Labels.TryGetValue(item, out var label) ? label : item);
                }

                break;
            case FieldKind.Taxonomy:
                var facet = field.Settings.Taxonomy switch
                {
                    DistrictTaxonomy => IndexFields.DistrictFacet,
                    FieldOfActionTaxonomy => IndexFields.FieldOfActionFacet,
                    _ => null,
                };
                foreach (var id in Strings(value))
                {
                    var title = termTitles.GetValueOrDefault(id);
                    PlainText.AppendLine(terms, title);
                    if (facet is not null && title is not null)
                    {
                        document.Add(new SortedSetDocValuesField(facet, Facet(id, title)));
                    }
                }

                break;
        }
    }

    /// <summary>The taxonomy term ids a version refers to: what <see cref="Build"/> needs titles for.</summary>
    public static IEnumerable<string> TermIds(ContentVersion version, ContentTypeDefinition? type) =>
        (type?.AllFields ?? []).Where(f => f.Kind == FieldKind.Taxonomy && version.Fields[f.Name] is not null)
            .SelectMany(f => Strings(version.Fields[f.Name]!));

    private static IEnumerable<string> Strings(JsonNode value) => value switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.ToString()),
        JsonValue single => [single.ToString()],
        _ => [],
    };

    private static BinaryDocValuesField Shown(string field, string value) => new(field, new BytesRef(value));

    private static BytesRef Facet(string value, string label) => new(value + IndexFields.FacetSeparator + label);
}
