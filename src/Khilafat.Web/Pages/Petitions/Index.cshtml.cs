using Khilafat.Web.Caching;
using Khilafat.Web.Localization;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Petitions;

/// <summary>
/// /petitions: the open petitions, then the closed and delivered ones with their final counts, so that a petition is
/// still found once signing ends. Kept seconds, as a petition's page is: it shows counts, which signatures do not evict.
/// </summary>
[OutputCache(PolicyName = OutputCachePolicies.PublicPetition)]
public class IndexModel(PetitionReader petitions, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public PetitionList List { get; private set; } = null!;

    public string Title => t["Petitions"];
    public string? Description => t["The movement's petitions: sign those still open, and see what the closed ones gathered."];

    public async Task OnGetAsync(CancellationToken ct) => List = await petitions.ListAsync(SiteCultures.Current, ct);
}
