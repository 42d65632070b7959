using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Localization;

public static class LocalizedRedirects
{
    /// <summary>A redirect to <paramref name="pageName"/> in the current request's language (/ar/join/thanks after /ar/join).</summary>
    public static RedirectToPageResult RedirectToLocalizedPage(this PageModel page, string pageName) =>
        page.RedirectToPage(pageName, new { culture = SiteCultures.Current == SiteCultures.Default ? null : SiteCultures.Current });
}
