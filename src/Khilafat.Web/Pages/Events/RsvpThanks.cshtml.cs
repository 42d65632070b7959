using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Events;

/// <summary>The same page after every answer, whatever the address's state, so nobody learns who answered.</summary>
public class RsvpThanksModel(IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public string Title => t["Check your email"];
    public bool NoIndex => true;

    public void OnGet()
    {
    }
}
