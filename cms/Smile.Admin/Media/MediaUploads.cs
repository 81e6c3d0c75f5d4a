using Microsoft.AspNetCore.Http;
using Smile.Admin.Forms;
using Smile.Content.Security;
using Smile.Media;
using Smile.Media.Library;

namespace Smile.Admin.Media;

/// <summary>
/// Media chosen from the library's list, and files chosen in an item form's media fields (<c>f.heroImage.0.upload</c>) go into the media library before the
/// item is saved, and their ids land where an editor would otherwise type one. Works without JavaScript: the form
/// is posted as multipart. A refused file is reported next to its field and nothing of the item is saved.
/// </summary>
public sealed class MediaUploads(MediaLibrary library)
{
    private const string Suffix = ".upload";

    public async Task<IReadOnlyList<FieldError>> StoreAsync(IFormFileCollection files, FormInputs inputs, Actor actor, CancellationToken cancellationToken)
    {
        // A medium chosen from the library's list replaces a typed id; an uploaded file replaces both.
        foreach (var pick in inputs.Names.Where(n => n.StartsWith("f.", StringComparison.Ordinal) && n.EndsWith(".pick", StringComparison.Ordinal)).ToList())
        {
            if (inputs[pick] is { Length: > 0 } chosen)
            {
                inputs.Set(pick[..^".pick".Length] + ".mediaId", [chosen]);
                inputs.Set(pick, []);
            }
        }

        var errors = new List<FieldError>();
        foreach (var file in files.Where(f => f.Name.StartsWith("f.", StringComparison.Ordinal) && f.Name.EndsWith(Suffix, StringComparison.Ordinal) && f.Length > 0))
        {
            var row = file.Name[..^Suffix.Length];
            try
            {
                await using var content = file.OpenReadStream();
                var stored = await library.UploadAsync(content, file.FileName, actor, cancellationToken);
                inputs.Set(row + ".mediaId", [stored.Asset.Id]);
            }
            catch (Exception e) when (e is MediaUploadException or PermissionDeniedException)
            {
                errors.Add(new FieldError(FormInputs.Id(file.Name), file.FileName, e.Message));
            }
        }

        return errors;
    }
}
