using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Testimonials;

public class ThanksModel(IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public string Title => t["Thank you for your words"];
    public bool NoIndex => true;

    public void OnGet()
    {
    }
}
