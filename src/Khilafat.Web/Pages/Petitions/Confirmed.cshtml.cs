using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Petitions;

public class ConfirmedModel(IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public string Slug { get; private set; } = "";
    public string Title => t["Thank you for signing"];
    public bool NoIndex => true;

    public void OnGet(string slug) => Slug = Khilafat.Web.Content.Slugs.IsWellFormed(slug) ? slug : "";
}
