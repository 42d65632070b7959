using Khilafat.Web.Caching;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Testimonials;

[OutputCache(PolicyName = OutputCachePolicies.PublicPaged)]
public class IndexModel(TestimonialService testimonials, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public TestimonialPage Result { get; private set; } = null!;

    public string Title => t["What supporters say"];
    public string? Description => t["Supporters of the Khilafat Movement say, in their own words, what it means to them."];

    public Pager Pager => Pager.For(Request, Result.Page, Result.PageCount, t["Testimonial pages"]);

    public async Task OnGetAsync(CancellationToken ct) => Result = await testimonials.ApprovedAsync(Pager.Requested(Request), ct);
}
