using System.Security.Cryptography;
using Smile.Content.Security;
using Smile.Media;
using Smile.Media.Library;

namespace Smile.Recipes;

/// <summary>
/// The media files a recipe ships: every checksum is verified before anything is written, so a wrong or
/// missing file refuses the whole recipe; then the files go into the media library like any upload.
/// </summary>
internal static class RecipeMediaFiles
{
    public static async Task<IReadOnlyList<string>> VerifyAsync(Recipe recipe, string file, string? baseDirectory, CancellationToken cancellationToken)
    {
        var paths = new List<string>(recipe.Media.Count);
        if (recipe.Media.Count == 0)
        {
            return paths;
        }

        if (baseDirectory is null)
        {
            throw new RecipeException(file, "$.media", "Medien lassen sich nur aus einer Rezeptdatei importieren (ihre Dateien liegen neben dem Rezept).");
        }

        var root = Path.GetFullPath(baseDirectory) + Path.DirectorySeparatorChar;
        foreach (var media in recipe.Media)
        {
            var path = Path.GetFullPath(Path.Combine(root, media.File));
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new RecipeException(file, media.JsonPath + ".file", $"'{media.File}' liegt nicht im Ordner des Rezepts.");
            }

            if (!File.Exists(path))
            {
                throw new RecipeException(file, media.JsonPath + ".file", $"die Datei '{media.File}' fehlt.");
            }

            await using var stream = File.OpenRead(path);
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            if (actual != media.Sha256)
            {
                throw new RecipeException(file, media.JsonPath + ".sha256",
                    $"die Prüfsumme von '{media.File}' stimmt nicht: erwartet {media.Sha256}, die Datei hat {actual}. Die Datei wurde verändert oder ist beschädigt.");
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Stores verified files; uploading a file the library already has changes nothing.</summary>
    public static async Task StoreAsync(Recipe recipe, IReadOnlyList<string> paths, MediaLibrary? library, string file, Actor actor, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            return;
        }

        if (library is null)
        {
            throw new RecipeException(file, "$.media", "diese Installation hat keine Mediathek; das Rezept bringt aber Medien mit.");
        }

        for (var i = 0; i < paths.Count; i++)
        {
            try
            {
                await using var stream = File.OpenRead(paths[i]);
                await library.UploadAsync(stream, Path.GetFileName(paths[i]), actor, cancellationToken);
            }
            catch (MediaUploadException ex)
            {
                throw new RecipeException(file, recipe.Media[i].JsonPath + ".file", ex.Message);
            }
        }
    }
}
