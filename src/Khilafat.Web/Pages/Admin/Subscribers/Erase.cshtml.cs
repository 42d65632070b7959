using Khilafat.Web.Audit;
using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers;

/// <summary>Erasure asks first: this page is the confirmation, and only its POST erases.</summary>
public class EraseModel(SubscriberAdministration subscribers) : PageModel, IPageMeta
{
    public string Email { get; private set; } = "";

    public string Title => "Erase subscriber";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var subscriber = await subscribers.GetAsync(id, ct);
        if (subscriber is null) return NotFound();
        Email = subscriber.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await subscribers.EraseAsync(id, Actor.From(User))) return NotFound();
        TempData[StatusMessages.Key] = "The subscriber is erased: their address, details, consent record and emails are gone.";
        return RedirectToPage("Index");
    }
}
