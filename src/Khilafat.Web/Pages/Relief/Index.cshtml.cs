using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Relief;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Relief;

/// <summary>/relief: where to give, and a link to the criteria. Cached; every change to the list evicts it.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class IndexModel(ReliefDirectory relief, ContentService content, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public IReadOnlyList<ReliefListItem> Organisations { get; private set; } = [];

    /// <summary>Whether the "how we choose" page is published, so the link to it leads somewhere.</summary>
    public bool HasCriteria { get; private set; }

    public string Title => t["Give to relief"];
    public string? Description => t["Registered organisations giving humanitarian relief, to which supporters of the movement can give directly."];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await relief.ListAsync(ct);
        HasCriteria = await content.GetPublishedPageAsync(ReliefPages.HowWeChooseSlug, SiteCultures.Current, ct) is not null;
    }
}
