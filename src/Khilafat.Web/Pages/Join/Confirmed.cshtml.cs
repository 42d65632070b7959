using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Join;

public class ConfirmedModel(IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public string Title => t["Thank you for joining"];
    public bool NoIndex => true;

    public void OnGet()
    {
    }
}
