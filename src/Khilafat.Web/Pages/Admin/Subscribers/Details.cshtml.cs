using Khilafat.Web.Audit;
using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers;

public class DetailsModel(SubscriberAdministration subscribers) : PageModel, IPageMeta
{
    public Subscriber Subscriber { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Subscriber";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var subscriber = await subscribers.GetAsync(id, ct);
        if (subscriber is null) return NotFound();
        Subscriber = subscriber;
        return Page();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(int id)
    {
        if (!await subscribers.UnsubscribeAsync(id, Actor.From(User))) return NotFound();
        StatusMessage = "Unsubscribed. The address gets no more email from the list.";
        return RedirectToPage(new { id });
    }

    /// <summary>Their address works again (say their mailbox was full): later sends include them.</summary>
    public async Task<IActionResult> OnPostClearBouncingAsync(int id)
    {
        if (!await subscribers.ClearBouncingAsync(id, Actor.From(User))) return NotFound();
        StatusMessage = "The bouncing mark is cleared: sends to the list include them again.";
        return RedirectToPage(new { id });
    }

    /// <summary>Everything held about the subscriber, as a JSON file to send them.</summary>
    public async Task<IActionResult> OnPostDataAsync(int id)
    {
        var data = await subscribers.PersonalDataAsync(id, Actor.From(User));
        if (data is null) return NotFound();
        return File(Privacy.PersonalData.ToJsonFile(data), "application/json; charset=utf-8", $"subscriber-{id}.json");
    }
}
