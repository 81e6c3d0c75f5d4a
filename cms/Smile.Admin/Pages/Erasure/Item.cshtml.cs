using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Smile.Admin.Forms;
using Smile.Admin.Security;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Media.Library;
using Smile.Storage.Media;

namespace Smile.Admin.Pages.Erasure;

/// <summary>
/// Purges one item for good (GDPR erasure): every version, and with them its pages on the site, its search
/// entries and its media. Deleting only moves an item to the bin; this is the step that cannot be undone.
/// </summary>
public sealed class ItemModel(ContentService content, IContentReader reader, MediaCatalog media, MediaLibrary library, IStringLocalizer<ItemModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public bool Confirm { get; set; }

    public ContentVersion? Latest { get; private set; }

    public IReadOnlyList<ContentVersion> Localizations { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? PurgedTitle { get; private set; }

    /// <summary>How many media went with the item because nothing else used them.</summary>
    public int ErasedMedia { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Confirm)
        {
            Errors = [new FieldError("confirm", text["Bestätigung"], text["Bitte bestätigen Sie, dass der Inhalt endgültig gelöscht werden soll."])];
            return Page();
        }

        var used = await media.UsedByItemAsync(Id, HttpContext.RequestAborted);
        try
        {
            await content.RunAsync(User.ToActor(), e => e.PurgeAsync(Id, HttpContext.RequestAborted));
            ErasedMedia = (await library.EraseUnusedAsync(used, User.ToActor(), HttpContext.RequestAborted)).Count;
        }
        catch (PermissionDeniedException e)
        {
            Errors = [new FieldError(null, "", e.Message)];
            return Page();
        }

        PurgedTitle = Latest!.Title;
        Latest = null;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Latest = await reader.GetVersionAsync(Id, VersionStatus.Latest, HttpContext.RequestAborted);
        if (Latest is null)
        {
            return false;
        }

        Localizations = [.. (await reader.GetLocalizationsAsync([Latest.LocalizationSet], VersionStatus.Latest, HttpContext.RequestAborted)).Where(v => v.ItemId != Id)];
        return true;
    }
}
