using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Smile.Admin.Administration;
using Smile.Admin.Forms;
using Smile.Admin.Security;
using Smile.Content.Security;
using Smile.Content.Validation;
using Smile.Storage.Identity;

namespace Smile.Admin.Pages.Roles;

/// <summary>Creates a role or changes which permissions it grants.</summary>
public sealed class EditModel(UserAdministration administration, IStringLocalizer<EditModel> text) : PageModel
{
    /// <summary>Empty for a new role.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty]
    public string NewName { get; set; } = "";

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    public IReadOnlySet<Permission> Granted { get; private set; } = new HashSet<Permission>();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public bool IsNew => string.IsNullOrEmpty(Name);

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }

        var role = (await administration.ListRolesAsync(HttpContext.RequestAborted)).FirstOrDefault(r => r.Name == Name);
        if (role is null)
        {
            return NotFound();
        }

        Granted = role.Permissions;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var permissions = PermissionNames.Parse(Permissions);
        try
        {
            await administration.SaveRoleAsync(User.ToActor(), IsNew ? NewName : Name!, permissions, HttpContext.RequestAborted);
            return RedirectToPage("/Roles/Index");
        }
        catch (ContentValidationException e)
        {
            Granted = permissions;
            Errors = [.. e.Errors.Select(error => error.Path == "name" && IsNew
                ? new FieldError("role-name", text["Name der Rolle"], error.Message)
                : new FieldError(null, "", error.Message))];
            return Page();
        }
    }
}
