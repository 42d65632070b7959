using Khilafat.Web.Caching;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Events;

/// <summary>/events: upcoming events first (soonest first), then past ones.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class IndexModel(EventReader events, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public EventList List { get; private set; } = null!;

    public string Title => t["Events"];
    public string? Description => t["Vigils, marches, talks and charity drives: come, and bring others."];

    public async Task OnGetAsync(CancellationToken ct) => List = await events.ListAsync(SiteCultures.Current, ct);
}
