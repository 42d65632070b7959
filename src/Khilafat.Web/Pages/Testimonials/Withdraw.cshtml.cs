using Khilafat.Web.RateLimiting;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Testimonials;

/// <summary>The private link in the publication notice: opening it shows the testimonial and a button; the button (a POST) withdraws it.</summary>
[EnableRateLimiting(RateLimitPolicies.Links)]
public class WithdrawModel(TestimonialService testimonials, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public PublicTestimonial? Testimonial { get; private set; }
    public bool Withdrawn { get; private set; }

    public string Title => Withdrawn ? t["Your testimonial is withdrawn"] : Testimonial is null ? t["This link does not work"] : t["Withdraw your testimonial"];
    public bool NoIndex => true;

    public async Task OnGetAsync(CancellationToken ct) => Testimonial = await testimonials.FindForWithdrawalAsync(Token, ct);

    public async Task OnPostAsync(CancellationToken ct) => Withdrawn = await testimonials.WithdrawAsync(Token, ct);
}
