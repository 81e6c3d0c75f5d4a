using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Smile.Admin.Forms;
using Smile.Admin.Security;
using Smile.Content.Validation;
using Smile.Storage.Identity;

namespace Smile.Admin.Pages.Users;

/// <summary>One account: its roles, lock, a new one-time password, and erasure (GDPR) after an explicit confirmation.</summary>
public sealed class EditModel(UserAdministration administration, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public bool ConfirmErasure { get; set; }

    public UserAdministration.UserSummary? Account { get; private set; }

    public IReadOnlyList<UserAdministration.RoleSummary> AvailableRoles { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? OneTimePassword { get; private set; }

    public bool IsSelf => Id == User.ToActor().Id;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostRolesAsync() =>
        ChangeAsync(() => administration.SetRolesAsync(User.ToActor(), Id, Roles, HttpContext.RequestAborted), text["Die Rollen sind gespeichert."]);

    public Task<IActionResult> OnPostLockAsync() =>
        ChangeAsync(() => administration.SetLockedAsync(User.ToActor(), Id, locked: true, HttpContext.RequestAborted), text["Das Konto ist gesperrt."]);

    public Task<IActionResult> OnPostUnlockAsync() =>
        ChangeAsync(() => administration.SetLockedAsync(User.ToActor(), Id, locked: false, HttpContext.RequestAborted), text["Das Konto ist entsperrt."]);

    public Task<IActionResult> OnPostPasswordAsync() =>
        ChangeAsync(async () => OneTimePassword = await administration.ResetPasswordAsync(User.ToActor(), Id, HttpContext.RequestAborted), text["Ein neues Einmalpasswort ist gesetzt."]);

    public async Task<IActionResult> OnPostEraseAsync()
    {
        if (!ConfirmErasure)
        {
            await LoadAsync();
            Errors = [new FieldError("confirm-erasure", text["Bestätigung"], text["Bitte bestätigen Sie, dass das Konto endgültig gelöscht werden soll."])];
            return Page();
        }

        try
        {
            TempData[nameof(IndexModel.Erased)] = await administration.EraseUserAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            return RedirectToPage("/Users/Index");
        }
        catch (ContentValidationException e)
        {
            await LoadAsync();
            Errors = [.. e.Errors.Select(error => new FieldError(null, "", error.Message))];
            return Page();
        }
    }

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string notice)
    {
        try
        {
            await change();
            Notice = notice;
            Response.Headers.CacheControl = "no-store";
        }
        catch (ContentValidationException e)
        {
            Errors = [.. e.Errors.Select(error => new FieldError(null, "", error.Message))];
        }

        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        Account = await administration.FindUserAsync(Id, HttpContext.RequestAborted);
        AvailableRoles = await administration.ListRolesAsync(HttpContext.RequestAborted);
        return Account is not null;
    }
}
