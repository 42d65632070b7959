using Khilafat.Web.Audit;
using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers;

[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public class ImportModel(SubscriberAdministration subscribers) : PageModel, IPageMeta
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public string Title => "Import subscribers";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
        else if (Upload.Length > MaxFileBytes) ModelState.AddModelError(nameof(Upload), "The file is larger than 10 MB. Split it into smaller files.");
        if (!ModelState.IsValid) return Page();

        await using var stream = Upload!.OpenReadStream();
        Result = await subscribers.ImportAsync(stream, Actor.From(User), ct);
        return Page();
    }
}
