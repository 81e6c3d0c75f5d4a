using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Smile.Admin.Forms;
using Smile.Admin.Security;
using Smile.Content.Validation;
using Smile.Storage.Identity;

namespace Smile.Admin.Pages.Users;

/// <summary>A new account gets a one-time password, shown on this response only: it never goes into a URL, a log or a cookie.</summary>
public sealed class NewModel(UserAdministration administration, IStringLocalizer<NewModel> text) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public IReadOnlyList<UserAdministration.RoleSummary> AvailableRoles { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public UserAdministration.CreatedUser? Created { get; private set; }

    public async Task OnGetAsync() => AvailableRoles = await administration.ListRolesAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        AvailableRoles = await administration.ListRolesAsync(HttpContext.RequestAborted);
        try
        {
            Created = await administration.CreateUserAsync(User.ToActor(), Email, DisplayName, Roles, HttpContext.RequestAborted);
            Response.Headers.CacheControl = "no-store";
        }
        catch (ContentValidationException e)
        {
            Errors = [.. e.Errors.Select(error => error.Path switch
            {
                "email" => new FieldError("email", text["E-Mail-Adresse"], error.Message),
                "roles" => new FieldError(AvailableRoles.Count > 0 ? "role-" + AvailableRoles[0].Name.ToLowerInvariant() : null, text["Rollen"], error.Message),
                _ => new FieldError(null, "", error.Message),
            })];
        }

        return Page();
    }
}
