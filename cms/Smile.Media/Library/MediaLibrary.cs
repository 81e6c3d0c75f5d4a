using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smile.Content.Security;
using Smile.Media.Detection;
using Smile.Media.Images;
using Smile.Media.Stores;
using Smile.Media.Validation;
using Smile.Storage;
using Smile.Storage.Media;

namespace Smile.Media.Library;

/// <summary>
/// The editors' media library: takes uploads (checked by content, never by name), stores the original and
/// its metadata row together, and keeps focal points and alt-text suggestions.
/// </summary>
public sealed class MediaLibrary(IMediaStore store, IDbContextFactory<SmileDbContext> contexts, MediaCatalog catalog, IOptions<MediaOptions> options, TimeProvider clock)
{
    private readonly MediaOptions _options = options.Value;

    /// <summary>
    /// Stores <paramref name="content"/> as an asset. Throws <see cref="MediaUploadException"/> (German, names
    /// the problem) for bad files and <see cref="PermissionDeniedException"/> without <see cref="Permission.ManageMedia"/>.
    /// Uploading a file that is already in the library returns the existing asset.
    /// </summary>
    public async Task<MediaUploadResult> UploadAsync(Stream content, string fileName, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permission.ManageMedia))
        {
            throw new PermissionDeniedException("Zum Hochladen von Medien fehlt die Berechtigung „Medien verwalten“.");
        }

        var name = CleanFileName(fileName);
        using var incoming = await IncomingFile.ReceiveAsync(content, name, _options.MaxUploadBytes, cancellationToken);
        var format = MediaSniffer.Detect(incoming.Head, name);
        (int Width, int Height)? size = null;
        switch (format.Kind)
        {
            case MediaKind.Image:
                size = ImageInspector.Inspect(incoming.Path, name, _options.MaxPixels);
                break;
            case MediaKind.Captions:
                WebVttValidator.Validate(await File.ReadAllBytesAsync(incoming.Path, cancellationToken), name);
                break;
        }

        var (storedName, notice) = WithExtensionOf(name, format);
        if (await catalog.FindAsync(incoming.Sha256, cancellationToken) is { } existing)
        {
            return new MediaUploadResult(existing, false, $"Diese Datei ist schon in der Mediathek (als „{existing.FileName}“).");
        }

        var row = new MediaAssetRow
        {
            Id = incoming.Sha256,
            FileName = storedName,
            ContentType = format.ContentType,
            Length = incoming.Length,
            Width = size?.Width,
            Height = size?.Height,
            UploadedBy = actor.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        var key = MediaKeys.Original(row.Id);
        var hadOriginal = await store.ExistsAsync(key, cancellationToken);
        // The file first, then the row: a row never points at a missing file. If the row cannot be written,
        // a file this upload created is removed again, so nothing is left half.
        await store.PutFileAsync(key, incoming.Path, format.ContentType, cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.MediaAssets.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception failure)
        {
            // The same file uploaded at the same moment by someone else: theirs won, and it is the same asset.
            if (failure is DbUpdateException && await catalog.FindAsync(row.Id, CancellationToken.None) is { } raced)
            {
                return new MediaUploadResult(raced, false, $"Diese Datei ist schon in der Mediathek (als „{raced.FileName}“).");
            }

            if (!hadOriginal)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }

        return new MediaUploadResult(row, true, notice);
    }

    /// <summary>Where crops of this image centre (0..1 from the left and the top).</summary>
    public async Task<MediaAssetRow> SetFocalPointAsync(string id, double x, double y, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permission.ManageMedia))
        {
            throw new PermissionDeniedException("Zum Bearbeiten von Medien fehlt die Berechtigung „Medien verwalten“.");
        }

        if (x is < 0 or > 1 || y is < 0 or > 1 || double.IsNaN(x) || double.IsNaN(y))
        {
            throw new MediaUploadException("Der Fokuspunkt liegt außerhalb des Bildes; beide Werte müssen zwischen 0 und 1 liegen.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.MediaAssets.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new MediaUploadException($"Das Medium „{id}“ gibt es nicht.");
        if (row.Width is null)
        {
            throw new MediaUploadException($"„{row.FileName}“ ist kein Bild und hat keinen Fokuspunkt.");
        }

        row.FocalX = x;
        row.FocalY = y;
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Remembers a suggested alternative text, offered when the image is placed in a media field.</summary>
    public async Task SetAltSuggestionAsync(string id, string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permission.ManageMedia))
        {
            throw new PermissionDeniedException("Zum Bearbeiten von Medien fehlt die Berechtigung „Medien verwalten“.");
        }

        var trimmed = text?.Trim();
        if (trimmed is { Length: > Content.Fields.MediaFieldHandler.MaxAltLength })
        {
            throw new MediaUploadException($"Der Alternativtext ist {trimmed.Length} Zeichen lang; erlaubt sind höchstens {Content.Fields.MediaFieldHandler.MaxAltLength}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.MediaAssets.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new MediaUploadException($"Das Medium „{id}“ gibt es nicht.");
        row.AltSuggestion = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Erases the media among <paramref name="ids"/> that no version of any item uses any more: the metadata row,
    /// the original and every derivative (GDPR erasure of an item, whose photos may show a person). Returns the ids erased.
    /// </summary>
    public async Task<IReadOnlyList<string>> EraseUnusedAsync(IEnumerable<string> ids, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permission.DeleteAllContent) || !actor.Has(Permission.ManageMedia))
        {
            throw new PermissionDeniedException("Medien endgültig löschen dürfen nur, wer alle Inhalte löschen und Medien verwalten darf.");
        }

        var erased = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await catalog.IsUsedAsync(id, cancellationToken) || await catalog.FindAsync(id, cancellationToken) is null)
            {
                continue;
            }

            // The row first: without it nothing serves the files, so a failure below leaves only unreachable bytes.
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                await db.MediaAssets.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
            }

            await store.DeleteAllAsync(MediaKeys.Derivatives(id), cancellationToken);
            await store.DeleteAsync(MediaKeys.Original(id), cancellationToken);
            erased.Add(id);
        }

        return erased;
    }

    private static (string Name, string? Notice) WithExtensionOf(string name, MediaFormat format)
    {
        var extension = Path.GetExtension(name).TrimStart('.');
        if (format.HasExtension(extension))
        {
            return (name, null);
        }

        var corrected = Path.GetFileNameWithoutExtension(name) + "." + format.Extension;
        var notice = extension.Length == 0
            ? $"Die Datei hatte keine Endung; sie ist ein {format.Name} und heißt jetzt „{corrected}“."
            : $"Die Datei endet auf „.{extension}“, ist aber ein {format.Name}; sie heißt jetzt „{corrected}“.";
        return (corrected, notice);
    }

    private static string CleanFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsControl(c) || c is '"' or '<' or '>' or '|' or ':' or '*' or '?' ? '_' : c);
        }

        var result = clean.ToString().Trim().Trim('.');
        if (result.Length > 200)
        {
            result = result[..(200 - Path.GetExtension(result).Length)] + Path.GetExtension(result);
        }

        return result.Length == 0 ? "datei" : result;
    }
}
