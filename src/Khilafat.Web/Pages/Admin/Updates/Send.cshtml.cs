using System.Security.Claims;
using Khilafat.Web.Audit;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Startup;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>
/// "Email to the list": the editor chooses the audience, counts it, sends a test to one address, previews what each
/// language gets, then confirms on a second step that restates the audience and the number. Each step is a form
/// post, so all of it works without script; the sending itself is queued (<see cref="UpdateSends.StartAsync"/>).
/// </summary>
public class SendModel(UpdateSends sends, Khilafat.Web.Content.ChangeLog changes) : PageModel, IPageMeta
{
    /// <summary>
    /// The policy of the HTML preview instead of the site's. The email's layout is inline styles, which the site's
    /// policy refuses; the sandbox gives the document an opaque origin, so nothing in it acts as the signed-in editor,
    /// and it runs no script. The preview opens as a page of its own rather than in an iframe: framing it would mean
    /// loosening frame-ancestors 'none' and X-Frame-Options: DENY, which every other response keeps.
    /// </summary>
    public const string PreviewPolicy =
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    [BindProperty]
    public SendForm Input { get; set; } = new();

    [BindProperty]
    public TestForm Test { get; set; } = new();

    public SendableUpdate Update { get; private set; } = null!;

    /// <summary>Recipients by the language they will get it in, once counted.</summary>
    public IReadOnlyDictionary<string, int>? Counts { get; private set; }

    public int Total => Counts?.Values.Sum() ?? 0;

    /// <summary>Subscribers "skip them" leaves out, once counted.</summary>
    public int LeftOut { get; private set; }

    /// <summary>The second step: the audience and the number restated, and the button that sends.</summary>
    public bool Confirming { get; private set; }

    /// <summary>
    /// The plain-text body each language's subscribers get, exactly as it goes (the HTML is its own response,
    /// <see cref="OnGetPreviewAsync"/>), with the language of its words: English for a language it has no translation in.
    /// </summary>
    public IReadOnlyList<(string Culture, string TextCulture, string Subject, string Text)> Previews { get; private set; } = [];

    /// <summary>The translations made from an English text whose meaning has changed since: they would go as they are.</summary>
    public IReadOnlyDictionary<string, Khilafat.Web.Content.OutdatedTranslation> Outdated { get; private set; } = new Dictionary<string, Khilafat.Web.Content.OutdatedTranslation>();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Email to the list";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The HTML a language's subscribers get, as its own document under <see cref="PreviewPolicy"/>.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(int id, string? culture, CancellationToken ct)
    {
        var content = SiteCultures.IsSupported(culture) ? await sends.SampleAsync(id, culture!, ct) : null;
        if (content is null) return NotFound();
        Response.UseOwnContentSecurityPolicy(PreviewPolicy);
        return Content(content.Html, "text/html; charset=utf-8");
    }

    public Task<IActionResult> OnPostCountAsync(int id, CancellationToken ct) => CountAsync(id, confirming: false, ct);

    public Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct) => CountAsync(id, confirming: true, ct);

    public async Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Update.CanSend) return Page();
        Input.Validate(ModelState, "Input.");
        if (!ModelState.IsValid) return Page();
        var (result, sendId) = await sends.StartAsync(id, Input.ToAudience(), Actor.From(User), ct, again: Input.SendAgain);
        switch (result)
        {
            case SendStartResult.Started:
                TempData[StatusMessages.Key] = "The send has started. Messages are queued in the background and go out at the list's pace.";
                return RedirectToPage("/Admin/Sends/Details", new { id = sendId });
            case SendStartResult.AlreadyStarted:
                TempData[StatusMessages.Key] = "This send had started already: the confirmation was pressed twice. Nothing goes twice.";
                return RedirectToPage("/Admin/Sends/Details", new { id = sendId });
            case SendStartResult.NotFound:
                return NotFound();
            case SendStartResult.SentBefore:
                // Emailed before (perhaps by someone else since this page was loaded): the list's most visible act, done
                // twice to the same people, only when the editor says so.
                var confirmAgain = await CountAsync(id, confirming: true, ct);
                ModelState.AddModelError("Input.SendAgain", "Tick the box to email it again: whoever is in this audience and had it gets it a second time.");
                return confirmAgain;
            default:
                // The English was unpublished, or the audience refused, since the page was loaded: show it as it is now.
                ModelState.AddModelError("", "The update could not be sent as it is now. Check it below and try again.");
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct)
    {
        // What was typed is checked and kept as it is, never replaced by the default address.
        if (!await LoadAsync(id, ct, testDefaults: false)) return NotFound();
        if (!Update.CanSend) return Page();
        var address = EmailAddresses.Normalize(Test.Address);
        if (address is null) ModelState.AddModelError("Test.Address", "Enter an email address like name@example.org.");
        if (Test.Language is null || !Update.ReaderLanguages.Contains(Test.Language))
            ModelState.AddModelError("Test.Language", "Choose a language the update is published in.");
        if (!ModelState.IsValid) return Page();
        if (!await sends.SendTestAsync(id, Test.Language!, address!, Actor.From(User), ct)) return NotFound();
        StatusMessage = $"A test in {SendWords.Language(Test.Language!)} is on its way to {address}. Its subject starts with [Test].";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> CountAsync(int id, bool confirming, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Update.CanSend) return Page();
        Input.Validate(ModelState, "Input.");
        if (!ModelState.IsValid) return Page();
        var audience = Input.ToAudience();
        var counted = await sends.CountReadersAsync(id, audience, ct);
        Counts = counted.ByWords;
        if (audience.MissingTranslation == MissingTranslation.Skip)
            LeftOut = (await sends.CountAsync(id, audience with { MissingTranslation = MissingTranslation.SendEnglish }, ct)).Values.Sum() - Total;
        // Nobody to send to: stay on the first step, where the count says so.
        Confirming = confirming && Total > 0;
        // Only what this audience gets: the message of each language it has readers in.
        if (Confirming) Previews = [.. Previews.Where(p => counted.ByReader.ContainsKey(p.Culture))];
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool testDefaults = true)
    {
        var update = await sends.FindAsync(id, ct);
        if (update is null) return false;
        Update = update;
        var previews = new List<(string, string, string, string)>();
        foreach (var culture in update.ReaderLanguages)
        {
            if (await sends.SampleAsync(id, culture, ct) is { } sample)
                previews.Add((culture, update.Languages.Contains(culture) ? culture : SiteCultures.Default, sample.Subject, sample.Text));
        }
        Previews = previews;
        var outdated = new Dictionary<string, Khilafat.Web.Content.OutdatedTranslation>();
        foreach (var culture in update.Languages)
        {
            if (await changes.OutdatedAsync(Khilafat.Web.Content.TextKinds.Update, id, culture, ct) is { } behind) outdated[culture] = behind;
        }
        Outdated = outdated;
        if (testDefaults)
        {
            Test.Address ??= User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
            Test.Language ??= SiteCultures.Default;
        }
        return true;
    }

    public sealed class TestForm
    {
        public string? Address { get; set; }
        public string? Language { get; set; }
    }
}
