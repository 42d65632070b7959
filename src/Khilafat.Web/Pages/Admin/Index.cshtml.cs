using Khilafat.Web.Localization;
using Khilafat.Web.Relief;
using Khilafat.Web.Admin;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin;

public class IndexModel(Dashboard dashboard, ChangeLog changes, ReliefDirectory relief, SiteTimeZone zone) : PageModel, IPageMeta
{
    public DashboardCounts Counts { get; private set; } = null!;

    /// <summary>Published translations made from an English text whose meaning has changed since.</summary>
    public IReadOnlyList<OutdatedTranslationItem> OutdatedTranslations { get; private set; } = [];

    /// <summary>Relief organisations not checked for a year (or never): readers may be sent somewhere that has changed.</summary>
    public IReadOnlyList<ReliefListItem> UncheckedRelief { get; private set; } = [];

    public SiteTimeZone Zone => zone;

    public string Title => "Dashboard";

    /// <summary>Where a translator brings <paramref name="item"/> up to date: its kind's translation editor.</summary>
    public static string TranslatorPath(OutdatedTranslationItem item) => item.Kind switch
    {
        TextKinds.Page => $"/admin/pages/translate/{item.ItemId}/{item.Culture}",
        TextKinds.Faq => $"/admin/faq/translate/{item.ItemId}/{item.Culture}",
        TextKinds.Update => $"/admin/updates/translate/{item.ItemId}/{item.Culture}",
        TextKinds.Event => $"/admin/events/translate/{item.ItemId}/{item.Culture}",
        TextKinds.Petition => $"/admin/petitions/translate/{item.ItemId}/{item.Culture}",
        TextKinds.Welcome => $"/admin/subscribers/welcome/{item.Culture}",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "A kind of text without a translation editor."),
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await dashboard.CountAsync(ct);
        OutdatedTranslations = await changes.OutdatedTranslationsAsync(ct);
        UncheckedRelief = await relief.OverdueAsync(ct);
    }
}
