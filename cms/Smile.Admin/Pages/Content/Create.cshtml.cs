using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Admin.Forms;
using Smile.Admin.Listing;
using Smile.Admin.Media;
using Smile.Admin.Security;
using Smile.Content.Definitions;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Content.Validation;

namespace Smile.Admin.Pages.Content;

/// <summary>A new item of one type, from the form generated from its definition; saved as a draft, or saved and published.</summary>
public sealed class CreateModel(ContentService content, ContentTypes types, ItemForms forms, MediaUploads uploads) : PageModel
{
    public ContentTypeDefinition Type { get; private set; } = null!;

    public ItemForm Form { get; private set; } = null!;

    public string Culture { get; private set; } = ContentTypeDefinition.DefaultCulture;

    public bool MayPublish => User.Has(Permission.PublishOwnContent) || User.Has(Permission.PublishAllContent);

    public IReadOnlyList<string> Cultures => Type.Settings.Localizable && Type.Has(ContentPart.Localization) ? ["de", "en", "de-x-ls"] : ["de"];

    public async Task<IActionResult> OnGetAsync(string type)
    {
        if (await types.FindAsync(type, HttpContext.RequestAborted) is not { Settings.Creatable: true } found)
        {
            return NotFound();
        }

        Type = found;
        Form = await forms.FromInputsAsync(Type, Culture, new FormInputs(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type)
    {
        if (await types.FindAsync(type, HttpContext.RequestAborted) is not { Settings.Creatable: true } found)
        {
            return NotFound();
        }

        Type = found;
        var inputs = FormInputs.From(Request.Form);
        var refusedFiles = await uploads.StoreAsync(Request.Form.Files, inputs, User.ToActor(), HttpContext.RequestAborted);
        Culture = Cultures.Contains(inputs["culture"]) ? inputs["culture"] : ContentTypeDefinition.DefaultCulture;
        var action = inputs["do"];
        Form = await forms.FromInputsAsync(Type, Culture, inputs, HttpContext.RequestAborted);
        if (refusedFiles.Count > 0)
        {
            Form.Errors.AddRange(refusedFiles);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (action is "preview" or "search")
        {
            return Page();
        }

        var (input, errors) = FieldForms.Read(Type, inputs);
        if (errors.Count > 0)
        {
            Form.Errors.AddRange(errors);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        ContentVersion created;
        try
        {
            created = await content.RunAsync(User.ToActor(), async editor =>
            {
                var version = await editor.CreateAsync(Type.Name, Culture, input, cancellationToken: HttpContext.RequestAborted);
                if (action == "publish")
                {
                    await editor.PublishAsync(version.ItemId, cancellationToken: HttpContext.RequestAborted);
                }

                return version;
            }, HttpContext.RequestAborted);
        }
        catch (ContentValidationException invalid)
        {
            Form.Add(invalid.Errors);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        catch (PermissionDeniedException denied)
        {
            Form.Errors.Add(new FieldError(null, "", denied.Message));
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        return RedirectToPage("Edit", new { id = created.ItemId, done = action == "publish" ? "published" : "created" });
    }
}
