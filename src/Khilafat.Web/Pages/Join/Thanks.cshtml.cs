using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Join;

/// <summary>The same page after every sign-up, whatever the address's state, so nobody learns who is subscribed.</summary>
public class ThanksModel(IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public string Title => t["Check your email"];
    public bool NoIndex => true;

    public void OnGet()
    {
    }
}
