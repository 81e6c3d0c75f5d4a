using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Admin.Dashboard;
using Smile.Admin.Security;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Webhooks.Dashboard;

namespace Smile.Admin.Pages;

public sealed class IndexModel(DashboardReader dashboard, WebhookDeliveries webhooks) : PageModel
{
    public DashboardData Data { get; private set; } = new([], [], [], []);

    /// <summary>Deliveries that failed for good or are still being retried, newest first.</summary>
    public IReadOnlyList<WebhookDeliveryView> WebhookProblems { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Sends a failed delivery again (same delivery id, fresh attempts).</summary>
    public async Task<IActionResult> OnPostRetryWebhookAsync(string id)
    {
        try
        {
            await webhooks.RetryAsync(id, User.ToActor(), HttpContext.RequestAborted);
            Notice = "retried";
        }
        catch (Exception e) when (e is PermissionDeniedException or ContentNotFoundException or InvalidOperationException)
        {
            Notice = e.Message;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Data = await dashboard.ReadAsync(User.ToActor().Id, HttpContext.RequestAborted);
        WebhookProblems = await webhooks.ProblemsAsync(10, HttpContext.RequestAborted);
    }
}
