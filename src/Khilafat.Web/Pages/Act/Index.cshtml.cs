using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Events;
using Khilafat.Web.Petitions;
using Khilafat.Web.Localization;
using Khilafat.Web.Relief;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Act;

/// <summary>
/// /act: what a supporter can do, behind the header's "Act" button. Cached whole, so the sign-up is a link to /join
/// rather than a form here: a cached form would carry one visitor's anti-forgery token to everyone.
/// </summary>
// Kept seconds, not until the next change, as a petition page is: it shows petitions' counts, which signatures do not evict.
[OutputCache(PolicyName = OutputCachePolicies.PublicPetition)]
public class IndexModel(ReliefDirectory relief, EventReader events, PetitionReader petitions, ContentService content, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public IReadOnlyList<ReliefListItem> Organisations { get; private set; } = [];

    public bool HasCriteria { get; private set; }

    public IReadOnlyList<PublishedEvent> Events { get; private set; } = [];

    public IReadOnlyList<OpenPetition> Petitions { get; private set; } = [];

    /// <summary>Whether any petition is public, open or not: /petitions, with the closed ones' results, is linked then.</summary>
    public bool HasPetitions { get; private set; }

    public string Title => t["Take action"];
    public string? Description => t["How to support the movement by lawful, peaceful means: sign petitions, come to events, give to relief organisations and join the mailing list."];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await relief.ListAsync(ct);
        Events = await events.UpcomingAsync(SiteCultures.Current, 3, ct);
        var list = await petitions.ListAsync(SiteCultures.Current, ct);
        (Petitions, HasPetitions) = (list.Open, list.Open.Count + list.Ended.Count > 0);
        HasCriteria = await content.GetPublishedPageAsync(ReliefPages.HowWeChooseSlug, SiteCultures.Current, ct) is not null;
    }
}
