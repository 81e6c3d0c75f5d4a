using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Admin.Forms;
using Smile.Admin.History;
using Smile.Admin.Listing;
using Smile.Admin.Media;
using Smile.Admin.Previewing;
using Smile.Admin.Security;
using Smile.Content.Definitions;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Content.Time;
using Smile.Content.Validation;

namespace Smile.Admin.Pages.Content;

/// <summary>
/// The edit page of one item: the generated form (save draft, save and publish) and the item's actions
/// (publish, unpublish, schedule, clone, delete/restore, translations). Every operation goes through the
/// content core, which checks permissions again; a stale save shows both versions instead of overwriting.
/// </summary>
public sealed class EditModel(IContentReader reader, ContentService content, ContentTypes types, ItemForms forms, UserNames users, MediaUploads uploads, IPreviewLinks previews) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public ContentVersion Latest { get; private set; } = null!;

    public ContentTypeDefinition Type { get; private set; } = null!;

    public ItemForm Form { get; private set; } = null!;

    /// <summary>The version the form's values are based on; a save against an older one is a conflict.</summary>
    public int BasedOn { get; private set; }

    public IReadOnlyList<ContentVersion> Localizations { get; private set; } = [];

    public IReadOnlyList<ComparedField>? Conflict { get; private set; }

    public string OwnerName { get; private set; } = "";

    public string? Notice { get; private set; }

    public Actor Actor => User.ToActor();

    public bool MayEdit => Actor.May(Permission.EditOwnContent, Permission.EditAllContent, Item.OwnerId);

    public bool MayPublish => Actor.May(Permission.PublishOwnContent, Permission.PublishAllContent, Item.OwnerId);

    public bool MayDelete => Actor.May(Permission.DeleteOwnContent, Permission.DeleteAllContent, Item.OwnerId);

    public bool MayCreate => Actor.Has(Permission.EditOwnContent) || Actor.Has(Permission.EditAllContent);

    public async Task<IActionResult> OnGetAsync(string id, string? done)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Form = await forms.FromVersionAsync(Type, Latest, HttpContext.RequestAborted);
        Notice = done;
        return Page();
    }

    /// <summary>The item form: <c>do</c> is save, publish (save and publish), preview or search (re-show the form, nothing saved).</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var inputs = FormInputs.From(Request.Form);
        var refusedFiles = await uploads.StoreAsync(Request.Form.Files, inputs, Actor, HttpContext.RequestAborted);
        var action = inputs["do"];
        _ = int.TryParse(inputs["basedOn"], NumberStyles.None, CultureInfo.InvariantCulture, out var basedOn);
        Form = await forms.FromInputsAsync(Type, Item.Culture, inputs, HttpContext.RequestAborted);
        BasedOn = basedOn;
        if (refusedFiles.Count > 0)
        {
            Form.Errors.AddRange(refusedFiles);
            return Refused(StatusCodes.Status422UnprocessableEntity);
        }

        if (action is "preview" or "search")
        {
            return Page();
        }

        var (input, errors) = FieldForms.Read(Type, inputs);
        if (errors.Count > 0)
        {
            Form.Errors.AddRange(errors);
            return Refused(StatusCodes.Status422UnprocessableEntity);
        }

        try
        {
            await content.RunAsync(Actor, async editor =>
            {
                await editor.SaveDraftAsync(id, basedOn, input, HttpContext.RequestAborted);
                if (action == "publish")
                {
                    await editor.PublishAsync(id, cancellationToken: HttpContext.RequestAborted);
                }
            }, HttpContext.RequestAborted);
        }
        catch (ConcurrencyConflictException)
        {
            Conflict = FieldComparison.Compare(Type, (input.Title, input.Slug, input.Fields), (Latest.Title, Latest.Slug, Latest.Fields), Form.Choices.Titles);
            return Refused(StatusCodes.Status409Conflict);
        }
        catch (ContentValidationException invalid)
        {
            Form.Add(invalid.Errors);
            return Refused(StatusCodes.Status422UnprocessableEntity);
        }
        catch (PermissionDeniedException denied)
        {
            Form.Errors.Add(new FieldError(null, "", denied.Message));
            return Refused(StatusCodes.Status403Forbidden);
        }

        return RedirectToPage(new { id, done = action == "publish" ? "published" : "saved" });
    }

    public Task<IActionResult> OnPostPublishAsync(string id, int basedOn) =>
        ActAsync(id, "published", editor => editor.PublishAsync(id, basedOn, cancellationToken: HttpContext.RequestAborted));

    public Task<IActionResult> OnPostUnpublishAsync(string id) =>
        ActAsync(id, "unpublished", editor => editor.UnpublishAsync(id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostScheduleAsync(string id, string? at)
    {
        if (!DateTime.TryParseExact(at, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return FailAsync(id, new FieldError("schedule-at", "Veröffentlichen am", "Bitte geben Sie Datum und Uhrzeit an."));
        }

        return ActAsync(id, "scheduled", editor => editor.ScheduleAsync(id, BerlinTime.ToUtc(local), HttpContext.RequestAborted));
    }

    public Task<IActionResult> OnPostUnscheduleAsync(string id) =>
        ActAsync(id, "unscheduled", editor => editor.CancelScheduleAsync(id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostDeleteAsync(string id) =>
        ActAsync(id, "deleted", editor => editor.DeleteAsync(id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRestoreAsync(string id) =>
        ActAsync(id, "restored", editor => editor.RestoreAsync(id, HttpContext.RequestAborted));

    /// <summary>A preview link for someone without an account, shown once on this page (it is a secret until it expires).</summary>
    public async Task<IActionResult> OnPostShareAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        try
        {
            Form = await forms.FromVersionAsync(Type, Latest, HttpContext.RequestAborted);
            var link = await previews.CreateAsync(id, Actor, HttpContext.RequestAborted);
            // Without a configured public address the link is a path: the colleague needs it whole.
            SharedPreview = link.Url.StartsWith('/') ? link with { Url = $"{Request.Scheme}://{Request.Host}{link.Url}" } : link;
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (PermissionDeniedException refused)
        {
            return await FailAsync(id, Describe(refused));
        }
    }

    public SharedPreview? SharedPreview { get; private set; }

    public Task<IActionResult> OnPostCloneAsync(string id) =>
        CreateFromAsync(id, "cloned", editor => editor.CloneAsync(id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostLocalizeAsync(string id, string culture) =>
        CreateFromAsync(id, "localized", editor => editor.LocalizeAsync(id, culture, HttpContext.RequestAborted));

    private async Task<IActionResult> ActAsync(string id, string done, Func<ContentEditor, Task> work)
    {
        try
        {
            await content.RunAsync(Actor, work, HttpContext.RequestAborted);
        }
        catch (Exception refused) when (refused is ContentValidationException or PermissionDeniedException or ContentNotFoundException)
        {
            return await FailAsync(id, Describe(refused));
        }

        return RedirectToPage(new { id, done });
    }

    private async Task<IActionResult> CreateFromAsync(string id, string done, Func<ContentEditor, Task<ContentVersion>> work)
    {
        ContentVersion created;
        try
        {
            created = await content.RunAsync(Actor, work, HttpContext.RequestAborted);
        }
        catch (Exception refused) when (refused is ContentValidationException or PermissionDeniedException or ContentNotFoundException)
        {
            return await FailAsync(id, Describe(refused));
        }

        return RedirectToPage(new { id = created.ItemId, done });
    }

    private static FieldError Describe(Exception refused) => refused switch
    {
        ContentValidationException invalid => new FieldError((invalid.Errors.Count > 0 ? invalid.Errors[0].Path : null) == "scheduledPublishAt" ? "schedule-at" : null, "", string.Join(" ", invalid.Errors.Select(e => e.Message))),
        _ => new FieldError(null, "", refused.Message),
    };

    private async Task<IActionResult> FailAsync(string id, FieldError error)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Form = await forms.FromVersionAsync(Type, Latest, HttpContext.RequestAborted);
        Form.Errors.Add(error);
        return Refused(error.Message.StartsWith("Ihnen fehlt", StringComparison.Ordinal) ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity);
    }

    private PageResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await reader.GetItemAsync(id, cancellationToken) is not { } item
            || await reader.GetVersionAsync(id, item.LatestVersion, cancellationToken) is not { } latest
            || await types.FindAsync(item.ContentType, cancellationToken) is not { } type)
        {
            return false;
        }

        Item = item;
        Latest = latest;
        Type = type;
        BasedOn = item.LatestVersion;
        Localizations = [.. (await reader.GetLocalizationsAsync([item.LocalizationSet], VersionStatus.Latest, cancellationToken)).Where(v => v.ItemId != id).OrderBy(v => v.Culture, StringComparer.Ordinal)];
        OwnerName = UserNames.Of(await users.AllAsync(cancellationToken), item.OwnerId);
        return true;
    }
}
