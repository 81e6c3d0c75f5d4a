using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Admin.Dashboard;
using Smile.Admin.Security;

namespace Smile.Admin.Pages;

public sealed class IndexModel(DashboardReader dashboard) : PageModel
{
    public DashboardData Data { get; private set; } = new([], [], [], []);

    public async Task OnGetAsync() => Data = await dashboard.ReadAsync(User.ToActor().Id, HttpContext.RequestAborted);
}
