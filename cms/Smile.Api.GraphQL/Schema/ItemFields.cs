using GraphQL.DataLoader;
using GraphQL.Types;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Items;

namespace Smile.Api.GraphQL.Schema;

/// <summary>The fields every item has: declared on the Item interface and resolved on each content type.</summary>
internal sealed class ItemFields(SharedTypes shared)
{
    private Scalars Scalars => shared.Scalars;

    public InterfaceGraphType CreateInterface()
    {
        var item = new InterfaceGraphType { Name = "Item", Description = "What every content item has." };
        foreach (var (name, type, description) in Declarations())
        {
            item.Declare(name, type, description);
        }

        return item;
    }

    public void AddTo(ObjectGraphType type)
    {
        type.Add("id", Scalars.Id.NonNull(), c => V(c.Source).ItemId);
        type.Add("contentType", Scalars.String.NonNull(), c => V(c.Source).ContentType);
        type.Add("title", Scalars.String.NonNull(), c => V(c.Source).Title);
        type.Add("slug", Scalars.String, c => V(c.Source).Slug);
        type.Add("path", Scalars.String, c => V(c.Source).Path);
        type.Add("previousPaths", Scalars.String.NonNullList(), c => ((SmileUserContext)c.UserContext).PreviousPaths.Load(V(c.Source).ItemId));
        type.Add("culture", Scalars.String.NonNull(), c => V(c.Source).Culture);
        type.Add("version", Scalars.Int.NonNull(), c => V(c.Source).Number);
        type.Add("published", Scalars.Boolean.NonNull(), c => V(c.Source).Published);
        type.Add("publishedAt", Scalars.DateTime, c => V(c.Source).PublishedAt);
        type.Add("modifiedAt", Scalars.DateTime.NonNull(), c => V(c.Source).ModifiedAt);
        type.Add("createdAt", Scalars.DateTime.NonNull(), c => V(c.Source).CreatedAt);
        type.Add("localizations", shared.Localization.NonNullList(), c =>
        {
            var source = V(c.Source);
            var status = source.Published ? VersionStatus.Published : VersionStatus.Latest;
            return new LocalizationsResult(((SmileUserContext)c.UserContext).Localizations(status).Load(source.LocalizationSet), source.ItemId);
        });
        // Owners are people: their ids are for editors, not for the public.
        type.Add("owner", Scalars.String, c => ((SmileUserContext)c.UserContext).MayPreview ? V(c.Source).OwnerId : null);
    }

    private IEnumerable<(string Name, IGraphType Type, string? Description)> Declarations() =>
    [
        ("id", Scalars.Id.NonNull(), "Stable across versions and cultures' copies are separate items."),
        ("contentType", Scalars.String.NonNull(), null),
        ("title", Scalars.String.NonNull(), null),
        ("slug", Scalars.String, null),
        ("path", Scalars.String, "Where the public site shows the item; null for types without pages."),
        ("previousPaths", Scalars.String.NonNullList(), "Paths the item had before: redirect them here."),
        ("culture", Scalars.String.NonNull(), "de, en or de-x-ls (Leichte Sprache)."),
        ("version", Scalars.Int.NonNull(), null),
        ("published", Scalars.Boolean.NonNull(), "Whether this version is the live one."),
        ("publishedAt", Scalars.DateTime, "When the item was first published."),
        ("modifiedAt", Scalars.DateTime.NonNull(), null),
        ("createdAt", Scalars.DateTime.NonNull(), null),
        ("localizations", shared.Localization.NonNullList(), "The item in the other cultures."),
        ("owner", Scalars.String, "The owning editor's id; null for callers without the preview permission."),
    ];

    private static ContentVersion V(object? source) => (ContentVersion)source!;

    /// <summary>Localizations are the other members of the item's set.</summary>
    private sealed class LocalizationsResult(IDataLoaderResult<IReadOnlyList<ContentVersion>?> set, string self)
        : IDataLoaderResult<IReadOnlyList<ContentVersion>>
    {
        public async Task<IReadOnlyList<ContentVersion>> GetResultAsync(CancellationToken cancellationToken = default) =>
            [.. (await set.GetResultAsync(cancellationToken) ?? []).Where(v => v.ItemId != self).OrderBy(v => v.Culture, StringComparer.Ordinal)];

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
