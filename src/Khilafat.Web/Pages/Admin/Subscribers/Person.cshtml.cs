using Khilafat.Web.Audit;
using Khilafat.Web.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers;

/// <summary>
/// /admin/subscribers/person: when someone writes "what do you hold about me?" or "erase me", everything under their
/// address, wherever they gave it, to send them or to erase. The address travels in the form's body, never in the
/// page's address, so it stays out of the browser's history and the server's logs.
/// </summary>
public class PersonModel(PersonalData people) : PageModel, IPageMeta
{
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Set by the confirmation's button: erasure asks first, on the server too.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    public PersonalRecords? Found { get; private set; }

    /// <summary>Erase was pressed once: the page asks again before anything goes.</summary>
    public bool Confirming { get; private set; }

    /// <summary>What an erasure just did, counted.</summary>
    public ErasureCounts? Erased { get; private set; }

    public string Title => "One person's data";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        if (await people.DownloadAsync(Email, Actor.From(User), ct) is not { } data)
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address like name@example.org.");
            return Page();
        }
        return File(PersonalData.ToJsonFile(data), "application/json; charset=utf-8", "personal-data.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (!Confirmed)
        {
            Confirming = await FindAsync(ct) && !Found!.IsEmpty;
            return Page();
        }
        if (await people.EraseAsync(Email, Actor.From(User), ct) is not { } erased)
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address like name@example.org.");
            return Page();
        }
        Erased = erased;
        await FindAsync(ct);
        return Page();
    }

    private async Task<bool> FindAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address the person gave.");
            return false;
        }
        Found = await people.FindAsync(Email, ct);
        if (Found is null) ModelState.AddModelError(nameof(Email), "Enter an email address like name@example.org.");
        return Found is not null;
    }
}
