using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Smile.Admin.Forms;
using Smile.Admin.Listing;
using Smile.Admin.Security;
using Smile.Content.Definitions;
using Smile.Content.Security;

namespace Smile.Admin.Pages.Content;

/// <summary>The list of one content type: search, filters, sorting and pages, all in the query string (bookmarkable, no script needed).</summary>
public sealed class IndexModel(ContentList list, ContentTypes types, FieldChoices choices, UserNames users, IOptions<AdminOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListStatus Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Culture { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ContentTypeDefinition Type { get; private set; } = null!;

    public ListPage Result { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Users { get; private set; } = new Dictionary<string, string>();

    public ChoiceSet Terms { get; private set; } = new();

    public bool HasTags => Type.FindField("tags")?.Kind == FieldKind.Taxonomy;

    public bool HasDistricts => Type.FindField("districts")?.Kind == FieldKind.Taxonomy;

    public bool MayCreate => Type.Settings.Creatable && (User.Has(Permission.EditOwnContent) || User.Has(Permission.EditAllContent));

    public async Task<IActionResult> OnGetAsync(string type)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await types.FindAsync(type, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Type = found;
        Result = await list.QueryAsync(new ListRequest
        {
            ContentType = Type.Name,
            Search = Search,
            Status = Status,
            Culture = string.IsNullOrEmpty(Culture) ? null : Culture,
            Tag = HasTags ? Tag : null,
            District = HasDistricts ? District : null,
            Owner = string.IsNullOrEmpty(Owner) ? null : Owner,
            Sort = Sort,
            Page = PageNumber,
            PageSize = options.Value.PageSize,
        }, cancellationToken);
        Users = await users.AllAsync(cancellationToken);
        if (HasTags || HasDistricts)
        {
            Terms = await choices.LoadAsync(Type, "de", new FormInputs(), cancellationToken);
        }

        return Page();
    }

    /// <summary>This list's address with one parameter changed: the pager's links keep every filter.</summary>
    public string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Search,
            ["status"] = Status == ListStatus.All ? null : Status.ToString(),
            ["culture"] = Culture,
            ["tag"] = Tag,
            ["district"] = District,
            ["owner"] = Owner,
            ["sort"] = Sort == ListSort.ModifiedDesc ? null : Sort.ToString(),
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/content/" + Type.Name, query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
