using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Admin.Forms;
using Smile.Admin.History;
using Smile.Admin.Listing;
using Smile.Admin.Security;
using Smile.Content.Auditing;
using Smile.Content.Definitions;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Content.Validation;

namespace Smile.Admin.Pages.Content;

/// <summary>
/// An item's versions with a field-level comparison of any version with its predecessor, "restore as draft",
/// and the item's audit trail.
/// </summary>
public sealed class HistoryModel(IContentReader reader, ContentService content, ContentTypes types, FieldChoices choices, AuditReader audit, UserNames users) : PageModel
{
    public const int AuditTake = 100;

    public ContentItem Item { get; private set; } = null!;

    public ContentTypeDefinition Type { get; private set; } = null!;

    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];

    /// <summary>The version compared with its predecessor.</summary>
    public ContentVersion Selected { get; private set; } = null!;

    public ContentVersion? Previous { get; private set; }

    public IReadOnlyList<ComparedField> Changes { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Users { get; private set; } = new Dictionary<string, string>();

    public List<FieldError> Errors { get; } = [];

    public bool MayRestore => User.ToActor().May(Permission.EditOwnContent, Permission.EditAllContent, Item.OwnerId) && !Item.IsDeleted;

    public async Task<IActionResult> OnGetAsync(string id, int? v) =>
        await LoadAsync(id, v) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(string id, int v, int basedOn)
    {
        try
        {
            await content.RunAsync(User.ToActor(), editor => editor.RestoreVersionAsync(id, v, basedOn, HttpContext.RequestAborted), HttpContext.RequestAborted);
        }
        catch (Exception refused) when (refused is ContentValidationException or PermissionDeniedException or ContentNotFoundException or ConcurrencyConflictException)
        {
            if (!await LoadAsync(id, v))
            {
                return NotFound();
            }

            Errors.Add(new FieldError(null, "", refused is ContentValidationException invalid ? string.Join(" ", invalid.Errors.Select(e => e.Message)) : refused.Message));
            Response.StatusCode = refused switch
            {
                PermissionDeniedException => StatusCodes.Status403Forbidden,
                ConcurrencyConflictException => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
            return Page();
        }

        return RedirectToPage("Edit", new { id, done = "reverted" });
    }

    private async Task<bool> LoadAsync(string id, int? number)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await reader.GetItemAsync(id, cancellationToken) is not { } item || await types.FindAsync(item.ContentType, cancellationToken) is not { } type)
        {
            return false;
        }

        Item = item;
        Type = type;
        Versions = [.. (await reader.ListVersionsAsync(id, cancellationToken)).OrderByDescending(v => v.Number)];
        if (Versions.Count == 0)
        {
            return false;
        }

        Selected = Versions.FirstOrDefault(v => v.Number == number) ?? Versions[0];
        Previous = Versions.FirstOrDefault(v => v.Number < Selected.Number);
        var empty = (Title: "", Slug: (string?)null, Fields: new System.Text.Json.Nodes.JsonObject());
        var before = Previous is null ? empty : (Previous.Title, Previous.Slug, Previous.Fields);
        var inputs = new FormInputs();
        foreach (var field in type.AllFields.Where(f => f.Kind is FieldKind.ContentPicker or FieldKind.Taxonomy))
        {
            inputs.Set(FormInputs.Name(field.Name), new[] { Selected.Fields[field.Name], Previous?.Fields[field.Name] }.Where(n => n is not null).SelectMany(n => FieldDisplay.Values(n!)));
        }

        var titles = (await choices.LoadAsync(type, item.Culture, inputs, cancellationToken)).Titles;
        Changes = FieldComparison.Compare(type, before, (Selected.Title, Selected.Slug, Selected.Fields), titles);
        Trail = (await audit.ReadAsync(null, null, id, null, AuditTake, cancellationToken)).Entries;
        Users = await users.AllAsync(cancellationToken);
        return true;
    }
}
