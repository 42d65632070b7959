using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers;

public class IndexModel(SubscriberAdministration subscribers) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public SubscriberQuery Query { get; set; } = new();

    public SubscriberList Result { get; private set; } = null!;
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public int Erased { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Subscribers";

    public Pager Pager => Pager.For(Request, Result.Page, Result.PageCount, "Subscriber pages");

    /// <summary>The list's address with one filter changed (the others kept, the page reset).</summary>
    public string Link(string? status = null, bool keepStatus = false, bool bouncing = false) =>
        Url.Page("Index", new { q = Query.Search, status = keepStatus ? Query.Status?.ToString() : status, country = Query.Country, language = Query.Language, bouncing = bouncing ? "true" : null })!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await subscribers.ListAsync(Query.ToFilter(), Pager.Requested(Request), ct);
        Countries = await subscribers.CountriesAsync(ct);
        Erased = await subscribers.ErasedCountAsync(ct);
    }
}
