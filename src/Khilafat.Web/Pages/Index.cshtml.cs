using Khilafat.Web.Content;
using Khilafat.Web.Options;
using Khilafat.Web.Startup;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Pages;

[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class IndexModel(ContentService content, TestimonialService testimonials, IOptions<SiteOptions> site) : PageModel, IPageMeta
{
    public PublishedPage? Intro { get; private set; }
    public IReadOnlyList<PublicTestimonial> Featured { get; private set; } = [];

    public string Title => Intro?.Title ?? site.Value.Name;
    public string? Description => Intro?.Summary;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Intro = await content.GetPublishedPageAsync(ContentService.HomeSlug, ct);
        Featured = await testimonials.FeaturedAsync(3, ct);
    }
}
