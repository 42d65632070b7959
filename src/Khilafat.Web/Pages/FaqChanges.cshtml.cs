using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages;

/// <summary>/faq/changes: every published version of the FAQ's questions and answers, newest first.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class FaqChangesModel(ChangeLog changes, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public IReadOnlyList<FaqVersionItem> Versions { get; private set; } = [];

    public string Title => t["How the FAQ changed"];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await changes.FaqChangesAsync(SiteCultures.Current, ct);
}
