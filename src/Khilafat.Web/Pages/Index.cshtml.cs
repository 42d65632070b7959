using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Khilafat.Web.Supporters;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Pages;

[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class IndexModel(ContentService content, TestimonialService testimonials, UpdateReader updates, SupporterCount supporters, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public PublishedPage? Intro { get; private set; }
    public IReadOnlyList<PublicTestimonial> Featured { get; private set; } = [];

    /// <summary>"N supporters in M countries", or null while there are too few to show.</summary>
    public SupporterFigures? Supporters { get; private set; }

    /// <summary>The three latest updates shown on the site.</summary>
    public IReadOnlyList<PublishedUpdate> LatestUpdates { get; private set; } = [];

    // Untranslated, the home page's English title would head a page in another language: the name is in the UI strings.
    public string Title => Intro is { IsFallback: false } intro ? intro.Title : t[site.Value.Name];
    public string? Description => Intro?.Summary;
    public IReadOnlyList<string>? Languages => Intro?.Languages;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Intro = await content.GetPublishedPageAsync(ContentService.HomeSlug, SiteCultures.Current, ct);
        Featured = await testimonials.FeaturedAsync(SiteCultures.Current, 3, ct);
        Supporters = await supporters.GetAsync(ct);
        LatestUpdates = await updates.LatestAsync(SiteCultures.Current, 3, ct: ct);
    }
}
