using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Pages.Events;

/// <summary>/events/{slug}: one event in the reader's language, its time where it happens, places left (never names), its state.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class ShowModel(EventReader events, ChangeLog changes, TimeProvider clock) : PageModel, IPageMeta
{
    public PublishedEvent Event { get; private set; } = null!;

    /// <summary>Set when this translation was made from an English text whose meaning has changed since.</summary>
    public OutdatedTranslation? Outdated { get; private set; }

    public bool IsOpen { get; private set; }

    public string Title => Event.Title;
    public Media.MediaPicture? Image => Event.LeadImage;
    public bool IsArticle => true;
    public IReadOnlyList<string>? Languages => Event.Languages;
    public string? Description => Event.Summary.Length > 0 ? Event.Summary : null;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await events.GetAsync(slug, SiteCultures.Current, ct) is not { } e) return NotFound();
        Event = e;
        IsOpen = RsvpService.IsOpen(e, clock.GetUtcNow().UtcDateTime);
        if (!e.IsFallback) Outdated = await changes.OutdatedAsync(TextKinds.Event, e.Id, SiteCultures.Current, ct);
        return Page();
    }
}
