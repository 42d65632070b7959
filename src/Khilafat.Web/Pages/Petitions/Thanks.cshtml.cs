using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Petitions;

/// <summary>The same page after every signing, whatever happened, so nobody learns who signed.</summary>
public class ThanksModel(IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public string Slug { get; private set; } = "";
    public string Title => t["Check your email"];
    public bool NoIndex => true;

    public void OnGet(string slug) => Slug = Khilafat.Web.Content.Slugs.IsWellFormed(slug) ? slug : "";
}
