using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Storage.Identity;

namespace Smile.Admin.Pages.Roles;

public sealed class IndexModel(UserAdministration administration) : PageModel
{
    public IReadOnlyList<UserAdministration.RoleSummary> All { get; private set; } = [];

    public async Task OnGetAsync() => All = await administration.ListRolesAsync(HttpContext.RequestAborted);
}
