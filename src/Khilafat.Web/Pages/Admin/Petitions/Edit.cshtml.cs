using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Pages.Admin.Petitions;

/// <summary>A petition's English text, address and settings, and its state: open, close, mark delivered with a report.</summary>
public class EditModel(PetitionEditor petitions, PetitionReader reader, TextEditor texts, SiteTimeZone zone, TimeProvider clock, IOptions<PetitionOptions> options)
    : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public PetitionForm Input { get; set; } = new();

    public EditablePetition Stored { get; private set; } = null!;

    public int Confirmed { get; private set; }

    /// <summary>Before the first delivery: how many confirmed signers asked to be emailed the report.</summary>
    public int WaitingForDeliveryNews { get; private set; }

    public IReadOnlyList<(string Culture, bool? IsPublished)> Translations { get; private set; } = [];

    public int EraseAfterDays => options.Value.EraseSignersAfterDays;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The delivery report as typed, when it was refused (<see cref="DeliveryError"/>).</summary>
    public string? DeliveryReport { get; private set; }

    public string? DeliveryError { get; private set; }

    public string Title => "Edit petition";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = PetitionForm.From(Stored, zone);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, TextChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id) => SaveAsync(id, TextChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id) => SaveAsync(id, TextChange.Unpublish);

    public async Task<IActionResult> OnPostOpenAsync(int id) => await petitions.OpenAsync(id, Actor.From(User)) switch
    {
        PetitionStateChange.Done => Done(id, "The petition is open for signing."),
        PetitionStateChange.NotAllowed => Done(id, "Only a draft whose English text is published can be opened."),
        _ => NotFound(),
    };

    /// <summary>True when the page asks "Close the petition?" before closing it (the button was pressed without script's dialog).</summary>
    public bool AskToClose { get; private set; }

    /// <summary>
    /// Closes the petition once the editor has said yes: in script's dialog (which sets <paramref name="confirmed"/>)
    /// or, without script, on the question this page then shows. Closing cannot be undone.
    /// </summary>
    public async Task<IActionResult> OnPostCloseAsync(int id, bool confirmed)
    {
        if (!confirmed)
        {
            if (!await LoadAsync(id, default)) return NotFound();
            if (Stored.State != PetitionState.Open) return Done(id, "Only an open petition can be closed.");
            Input = PetitionForm.From(Stored, zone);
            ModelState.Clear();
            AskToClose = true;
            return Page();
        }
        return await petitions.CloseAsync(id, Actor.From(User)) switch
        {
            PetitionStateChange.Done => Done(id, $"The petition is closed: signing has stopped, and signers' names and emails will be erased in {EraseAfterDays} days."),
            PetitionStateChange.NotAllowed => Done(id, "Only an open petition can be closed."),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostDeliverAsync(int id, string? deliveryReport)
    {
        var report = (deliveryReport ?? "").Trim();
        if (report.Length == 0 || report.Length > Khilafat.Web.Petitions.Petition.DeliveryReportMaxLength)
        {
            if (!await LoadAsync(id, default)) return NotFound();
            Input = PetitionForm.From(Stored, zone);
            ModelState.Clear();
            // What was typed, even nothing: not the stored report back in its place.
            DeliveryReport = deliveryReport ?? "";
            DeliveryError = report.Length == 0 ? "Write a short delivery report: readers see it on the petition's page."
                : $"The delivery report must be at most {Khilafat.Web.Petitions.Petition.DeliveryReportMaxLength} characters.";
            ModelState.AddModelError("DeliveryReport", DeliveryError);
            return Page();
        }
        return await petitions.DeliverAsync(id, report, Actor.From(User)) switch
        {
            PetitionStateChange.Done => Done(id, "The petition is marked delivered, and its page shows the report."),
            PetitionStateChange.NotAllowed => Done(id, "Only a closed petition can be marked delivered."),
            _ => NotFound(),
        };
    }

    private RedirectToPageResult Done(int id, string message)
    {
        StatusMessage = message;
        return RedirectToPage(new { id });
    }

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        if (!await LoadAsync(id, default)) return NotFound();
        if (change == TextChange.DiscardDraft) Input.Slug = Stored.Slug;
        if (!ModelState.IsValid || Input.ToSettings(zone, ModelState) is not { } settings) return Page();
        var result = await petitions.UpdateAsync(id, Input.Version, Input.Slug, Input.ToInput(), change,
            settings with { LeadImage = new Khilafat.Web.Media.LeadImageChoice(Input.LeadImageId) }, Actor.From(User), ((IChangeDescription)Input).Publication);
        var message = DraftMessage(change) ?? change switch
        {
            TextChange.Publish => "Published." + (Stored.State == PetitionState.Draft ? " Open the petition for signing when you are ready." : " Readers see it now."),
            TextChange.Unpublish => "Unpublished: the petition is not shown on the site until its text is published again.",
            _ when Stored.Text.IsPublished => "Saved. Readers see it now.",
            _ => "Draft saved.",
        };
        var outcome = Outcome(result, "petition", Input.ToInput(), v => Input.Version = v, message, () => RedirectToPage(new { id }));
        if (Conflict is not null && await LoadAsync(id, default))
            AddConflictFields(FieldDifference.Between(PetitionForm.From(Stored, zone), Input, nameof(PetitionForm.Slug), nameof(PetitionForm.AddressedTo),
                nameof(PetitionForm.Goal), nameof(PetitionForm.ClosesAt), nameof(PetitionForm.LeadImageId)));
        return outcome;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await petitions.GetAsync(id, ct) is not { } petition) return false;
        Stored = petition;
        Confirmed = await reader.CountAsync(id, ct);
        WaitingForDeliveryNews = Stored.DeliveredAt is null ? await reader.WaitingForDeliveryNewsAsync(id, ct) : 0;
        var states = (await texts.StatesAsync(TextKinds.Petition, ct))[id].ToList();
        Translations = SiteCultures.All.Where(TextEditor.IsTranslationCulture)
            .Select(c => (c, states.Where(s => s.Culture == c).Select(s => (bool?)s.IsPublished).FirstOrDefault()))
            .ToList();
        return true;
    }
}
