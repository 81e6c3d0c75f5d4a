using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Storage.Identity;

namespace Smile.Admin.Pages.Users;

public sealed class IndexModel(UserAdministration administration) : PageModel
{
    public IReadOnlyList<UserAdministration.UserSummary> Accounts { get; private set; } = [];

    /// <summary>Set after an erasure: the pseudonym the history now shows for the erased account.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Erased { get; set; }

    public async Task OnGetAsync() => Accounts = await administration.ListUsersAsync(HttpContext.RequestAborted);
}
