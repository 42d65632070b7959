using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages;

[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class FaqModel(ContentService content, ChangeLog changes, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public IReadOnlyList<PublishedFaqEntry> Entries { get; private set; } = [];

    /// <summary>The latest published change to any question or answer.</summary>
    public FaqVersionItem? LastChange { get; private set; }

    /// <summary>The answers in this language made from an English one whose meaning has changed since, by anchor.</summary>
    public IReadOnlyDictionary<string, OutdatedTranslation> Outdated { get; private set; } = new Dictionary<string, OutdatedTranslation>();

    /// <summary>English and the languages at least one question is translated into.</summary>
    public IReadOnlyList<string>? Languages { get; private set; }

    public string Title => t["Frequently asked questions"];
    public string? Description => t["Answers to common questions about the Khilafat movement: what it is, who it stands with, and how to help."];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await content.GetPublishedFaqAsync(SiteCultures.Current, ct);
        LastChange = await changes.FaqLastChangeAsync(SiteCultures.Current, ct);
        Languages = await content.GetFaqLanguagesAsync(ct);
        Outdated = await changes.OutdatedFaqAsync(SiteCultures.Current, ct);
    }
}
