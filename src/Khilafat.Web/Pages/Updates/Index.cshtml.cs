using Khilafat.Web.Caching;
using Khilafat.Web.Localization;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Updates;

/// <summary>/updates: the updates shown on the site, newest first, ten a page.</summary>
[OutputCache(PolicyName = OutputCachePolicies.PublicPaged)]
public class IndexModel(UpdateReader updates, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public UpdatePage Result { get; private set; } = null!;

    public string Title => t["Updates"];
    public string? Description => t["News from the movement: relief efforts, vigils and statements."];

    public Pager Pager => Pager.For(Request, Result.Page, Result.PageCount, t["Update pages"]);

    public async Task OnGetAsync(CancellationToken ct) => Result = await updates.PageAsync(SiteCultures.Current, Pager.Requested(Request), ct);
}
