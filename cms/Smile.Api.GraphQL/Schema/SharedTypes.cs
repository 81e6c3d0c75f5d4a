using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Smile.Api.GraphQL.Execution;
using Smile.Api.GraphQL.Querying;
using Smile.Content.Events;
using Smile.Content.Items;

namespace Smile.Api.GraphQL.Schema;

/// <summary>Types every schema has, whatever the content types: created once per schema build.</summary>
internal sealed class SharedTypes
{
    public SharedTypes()
    {
        Status.Add("PUBLISHED", VersionStatus.Published, "The live version; the only one anonymous callers see.");
        Status.Add("DRAFT", VersionStatus.Draft, "The newest version of items whose newest version is not published.");
        Status.Add("LATEST", VersionStatus.Latest, "The newest version, published or not.");
        Status.Add("ALL", VersionStatus.All, "Every version.");
        SortDirection.Add("ASC", false, "Ascending.");
        SortDirection.Add("DESC", true, "Descending.");
        ImageFormat.Add("WEBP", "webp", "WebP: small, supported by every current browser.");
        ImageFormat.Add("JPEG", "jpg", "JPEG: the fallback.");
        ImageFormat.Add("AVIF", "avif", "AVIF: smallest, where the media pipeline supports it.");

        PageInfo.Add("hasNextPage", Scalars.Boolean.NonNull(), c => ((IPage)c.Source!).HasNextPage);
        PageInfo.Add("endCursor", Scalars.String, c => ((IPage)c.Source!).EndCursor, "Pass as `after` for the next page.");

        Markdown.Add("html", Scalars.String.NonNull(), c => Json(c.Source)["html"]!.GetValue<string>(), "Rendered and sanitized when the version was saved.");
        Markdown.Add("markdown", Scalars.String.NonNull(), c => Json(c.Source)["markdown"]!.GetValue<string>());

        Link.Add("url", Scalars.String.NonNull(), c => Json(c.Source)["url"]!.GetValue<string>());
        Link.Add("text", Scalars.String, c => Json(c.Source)["text"]?.GetValue<string>());

        GeoPoint.Add("lat", Scalars.Float.NonNull(), c => Json(c.Source)["lat"]!.GetValue<double>());
        GeoPoint.Add("lon", Scalars.Float.NonNull(), c => Json(c.Source)["lon"]!.GetValue<double>());

        Media = MediaAssetType.Create(Scalars, ImageFormat);

        Localization.Add("id", Scalars.Id.NonNull(), c => ((ContentVersion)c.Source!).ItemId);
        Localization.Add("culture", Scalars.String.NonNull(), c => ((ContentVersion)c.Source!).Culture);
        Localization.Add("title", Scalars.String.NonNull(), c => ((ContentVersion)c.Source!).Title);
        Localization.Add("path", Scalars.String, c => ((ContentVersion)c.Source!).Path);

        foreach (var kind in ChangeFeed.PublicKinds)
        {
            ChangeKind.Add(ConstantCase(kind.ToString()), kind);
        }

        Change.Add("position", Scalars.String.NonNull(), c => Event(c.Source).Sequence.ToString(CultureInfo.InvariantCulture), "Pass as `after` to continue after this change.");
        Change.Add("kind", ChangeKind.NonNull(), c => Event(c.Source).Kind);
        Change.Add("itemId", Scalars.Id, c => Event(c.Source).ItemId);
        Change.Add("contentType", Scalars.String, c => Event(c.Source).ContentType);
        Change.Add("culture", Scalars.String, c => Event(c.Source).Culture);
        Change.Add("path", Scalars.String, c => Event(c.Source).Path);
        Change.Add("previousPath", Scalars.String, c => Event(c.Source).PreviousPath, "Set on SLUG_CHANGED: where the item was before (redirect from here).");
        Change.Add("schemaVersion", Scalars.String, c => Event(c.Source).SchemaVersion?.ToString(CultureInfo.InvariantCulture), "Set on CONTENT_TYPE_CHANGED.");
        Change.Add("occurredAt", Scalars.DateTime.NonNull(), c => Event(c.Source).OccurredAt);

        ChangeConnection.Add("nodes", Change.NonNullList(), c => ((ChangePage)c.Source!).Items);
        ChangeConnection.Add("pageInfo", PageInfo.NonNull(), c => c.Source);
        ChangeConnection.AddAsync("currentPosition", Scalars.String.NonNull(), async c =>
        {
            var state = await ((SmileUserContext)c.UserContext).Reader.StateAsync(c.CancellationToken);
            return state.OutboxPosition.ToString(CultureInfo.InvariantCulture);
        }, "The newest position right now: a builder that fetches everything afresh follows the feed from here.");
    }

    public Scalars Scalars { get; } = new();

    public EnumerationGraphType Status { get; } = new() { Name = "Status", Description = "Which version of items to read. Anything but PUBLISHED needs the preview permission." };

    public EnumerationGraphType SortDirection { get; } = new() { Name = "SortDirection" };

    public EnumerationGraphType ImageFormat { get; } = new() { Name = "ImageFormat" };

    public ObjectGraphType PageInfo { get; } = new() { Name = "PageInfo" };

    public ObjectGraphType Markdown { get; } = new() { Name = "MarkdownText", Description = "Markdown as written, and its HTML." };

    public ObjectGraphType Link { get; } = new() { Name = "Link" };

    public ObjectGraphType GeoPoint { get; } = new() { Name = "GeoPoint", Description = "WGS 84 coordinates." };

    public ObjectGraphType Media { get; }

    public ObjectGraphType Localization { get; } = new() { Name = "Localization", Description = "The same item in another culture." };

    public EnumerationGraphType ChangeKind { get; } = new() { Name = "ChangeKind" };

    public ObjectGraphType Change { get; } = new() { Name = "ContentChange", Description = "One entry of the change feed, in commit order." };

    public ObjectGraphType ChangeConnection { get; } = new() { Name = "ContentChangeConnection" };

    private static JsonNode Json(object? source) => (JsonNode)source!;

    private static ContentEvent Event(object? source) => (ContentEvent)source!;

    private static string ConstantCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
