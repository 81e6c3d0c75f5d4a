using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Smile.Admin.Administration;
using Smile.Admin.Forms;
using Smile.Admin.Security;
using Smile.Content.Validation;
using Smile.Storage.ApiKeys;

namespace Smile.Admin.Pages.ApiKeys;

/// <summary>Keys for machines (site builds, ingestion): the secret is shown once at creation and stored only as a hash.</summary>
public sealed class IndexModel(ApiKeyService keys, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    public IReadOnlyList<ApiKeyService.KeyInfo> All { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public ApiKeyService.CreatedKey? Created { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync() => All = await keys.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var permissions = PermissionNames.Parse(Permissions);
        if (permissions.Count == 0)
        {
            Errors = [new FieldError("permission-viewcontent", text["Berechtigungen"], text["Wählen Sie mindestens eine Berechtigung."])];
        }
        else
        {
            try
            {
                Created = await keys.CreateAsync(Name, permissions, User.ToActor().Id, HttpContext.RequestAborted);
                Response.Headers.CacheControl = "no-store";
                Name = "";
                Permissions = [];
            }
            catch (ContentValidationException e)
            {
                Errors = [.. e.Errors.Select(error => new FieldError("key-name", text["Name"], error.Message))];
            }
        }

        All = await keys.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id)
    {
        Notice = await keys.RevokeAsync(id, HttpContext.RequestAborted) ? text["Der Schlüssel ist widerrufen."] : text["Dieser Schlüssel war schon widerrufen."];
        All = await keys.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
