using Smile.Content.Definitions;
using Smile.Content.Editing;
using Smile.Content.Rendering;
using Smile.Content.Security;
using Smile.Content.Storage;
using Smile.Content.Validation;
using Smile.Media.Library;

namespace Smile.Recipes;

public sealed record RecipeImportResult(int TypesChanged, int RolesImported, int Created, int Updated, int Unchanged);

/// <summary>
/// Imports a recipe in one transaction: types, roles, then items (which may reference each other in any
/// order). Any problem refuses the whole recipe, naming the file, the JSON path and what is wrong.
/// Media files beside the recipe are verified against their checksums before anything is written, and
/// stored through the media library before the content that refers to them.
/// </summary>
public sealed class RecipeImporter(IContentStore store, MarkupRenderer renderer, TimeProvider clock, MediaLibrary? media = null)
{
    public async Task<RecipeImportResult> ImportFileAsync(string path, Actor actor, CancellationToken cancellationToken = default)
    {
        var file = Path.GetFileName(path);
        var recipe = RecipeReader.Read(await File.ReadAllTextAsync(path, cancellationToken), file);
        return await ImportAsync(recipe, file, actor, Path.GetDirectoryName(Path.GetFullPath(path)), cancellationToken);
    }

    public Task<RecipeImportResult> ImportAsync(Recipe recipe, string file, Actor actor, CancellationToken cancellationToken = default) =>
        ImportAsync(recipe, file, actor, null, cancellationToken);

    /// <param name="baseDirectory">Where the recipe's media files are; null for a recipe without media.</param>
    public async Task<RecipeImportResult> ImportAsync(Recipe recipe, string file, Actor actor, string? baseDirectory, CancellationToken cancellationToken = default)
    {
        var mediaFiles = await RecipeMediaFiles.VerifyAsync(recipe, file, baseDirectory, cancellationToken);
        // Media are content-addressed and stored first: if the content below is refused, what stays behind is
        // unreferenced and therefore invisible, and importing the mended recipe finds it already there.
        await RecipeMediaFiles.StoreAsync(recipe, mediaFiles, media, file, actor, cancellationToken);
        await using var session = await store.BeginAsync(cancellationToken);
        var typesChanged = 0;
        var typeEditor = new ContentTypeEditor(session, clock, actor);
        for (var i = 0; i < recipe.ContentTypes.Count; i++)
        {
            try
            {
                typesChanged += await typeEditor.SaveTypeAsync(recipe.ContentTypes[i], cancellationToken) is null ? 0 : 1;
            }
            catch (ContentValidationException ex)
            {
                var error = ex.Errors[0];
                var inner = error.Path.StartsWith($"contentTypes.{recipe.ContentTypes[i].Name}.", StringComparison.Ordinal)
                    ? error.Path[$"contentTypes.{recipe.ContentTypes[i].Name}.".Length..]
                    : error.Path;
                throw new RecipeException(file, $"$.contentTypes[{i}]" + (inner.Length > 0 ? "." + inner : ""), error.Message);
            }
        }

        if (recipe.Roles.Count > 0 && !actor.Has(Permission.ManageUsers))
        {
            throw new RecipeException(file, "$.roles", "Rollen darf nur importieren, wer Benutzer verwalten darf.");
        }

        foreach (var role in recipe.Roles)
        {
            await session.UpsertRoleAsync(role.Name, role.Permissions, cancellationToken);
        }

        var editor = new ContentEditor(session, renderer, clock, actor)
        {
            PendingItems = recipe.Items.ToDictionary(i => i.Id, i => i.Type),
        };
        var outcomes = new List<ImportOutcome>();
        foreach (var item in recipe.Items)
        {
            try
            {
                var input = new Content.Items.ContentInput { Title = item.Title, Slug = item.Slug, Fields = item.Fields };
                outcomes.Add(await editor.ImportAsync(item.Id, item.Type, item.Culture, input, item.Published, item.PublishedAt, cancellationToken));
            }
            catch (ContentValidationException ex)
            {
                var error = ex.Errors[0];
                throw new RecipeException(file, item.JsonPath + ItemPath(error.Path), error.Message);
            }
        }

        await session.CommitAsync(cancellationToken);
        return new RecipeImportResult(typesChanged, recipe.Roles.Count,
            outcomes.Count(o => o == ImportOutcome.Created), outcomes.Count(o => o == ImportOutcome.Updated), outcomes.Count(o => o == ImportOutcome.Unchanged));
    }

    private static string ItemPath(string errorPath) => errorPath switch
    {
        "" => "",
        "title" or "slug" or "id" or "culture" => "." + errorPath,
        "contentType" => ".type",
        "body" => ".body",
        _ => ".fields." + errorPath,
    };

    /// <summary>Where the recipes that ship with Smile are, next to the running assembly.</summary>
    public static string BundledRecipePath(string name) => Path.Combine(AppContext.BaseDirectory, "recipes", name + ".recipe.json");

    public const string SmileCityRostock = "smile-city-rostock";
}
