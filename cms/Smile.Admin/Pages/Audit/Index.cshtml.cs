using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Smile.Admin.History;
using Smile.Admin.Listing;

namespace Smile.Admin.Pages.Audit;

/// <summary>The global audit trail: who did what when, filtered by user and action, paged by cursor.</summary>
public sealed class IndexModel(AuditReader audit, UserNames users, IOptions<AdminOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public AuditPage Result { get; private set; } = new([], null);

    public IReadOnlyDictionary<string, string> Users { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync()
    {
        var action = AuditReader.Actions.Contains(Action ?? "") ? Action : null;
        Result = await audit.ReadAsync(Actor, action, itemId: null, Before, options.Value.PageSize * 2, HttpContext.RequestAborted);
        Users = await users.AllAsync(HttpContext.RequestAborted);
    }

    public string OlderLink(long before) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", new Dictionary<string, string?>
        {
            ["user"] = Actor,
            ["action"] = Action,
            ["before"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
