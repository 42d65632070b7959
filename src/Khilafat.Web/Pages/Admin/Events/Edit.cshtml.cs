using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>An event's English text and its fields; its times are entered and shown in its own time zone.</summary>
public class EditModel(EventEditor events, TextEditor texts) : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public EventForm Input { get; set; } = new();

    public EditableEvent Stored { get; private set; } = null!;

    public IReadOnlyList<(string Culture, bool? IsPublished)> Translations { get; private set; } = [];

    public string Title => "Edit event";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = EventForm.From(Stored);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, TextChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id) => SaveAsync(id, TextChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id) => SaveAsync(id, TextChange.Unpublish);

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        if (!await LoadAsync(id, default)) return NotFound();
        // Discarding brings back the published text; the fields stay as stored.
        if (change == TextChange.DiscardDraft) Input = EventForm.From(Stored);
        if (Input.ToFieldsShowingEveryMistake(ModelState) is not { } fields) return Page();
        var result = await events.UpdateAsync(id, Input.Version, Input.Slug, Input.ToInput(), change, fields, Input.NoticeReason, Actor.From(User),
            ((IChangeDescription)Input).Publication, leadImage: new Khilafat.Web.Media.LeadImageChoice(Input.LeadImageId));
        var message = DraftMessage(change) ?? change switch
        {
            TextChange.Publish => "Published. The event is on the site now.",
            TextChange.Unpublish => "Unpublished. The event is a draft again.",
            _ when Stored.Text.IsPublished => "Saved. Readers see it now.",
            _ => "Draft saved.",
        };
        var outcome = Outcome(result, "event", Input.ToInput(), v => Input.Version = v, message, () => RedirectToPage(new { id }));
        if (Conflict is not null && await LoadAsync(id, default))
            AddConflictFields(FieldDifference.Between(EventForm.From(Stored), Input, nameof(EventForm.Slug), nameof(EventForm.StartsAt), nameof(EventForm.EndsAt),
                nameof(EventForm.TimeZone), nameof(EventForm.Place), nameof(EventForm.OnlineUrl), nameof(EventForm.Capacity), nameof(EventForm.MaxPartySize),
                nameof(EventForm.LeadImageId)));
        return outcome;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return false;
        Stored = e;
        var states = (await texts.StatesAsync(TextKinds.Event, ct))[id].ToList();
        Translations = SiteCultures.All.Where(TextEditor.IsTranslationCulture)
            .Select(c => (c, states.Where(s => s.Culture == c).Select(s => (bool?)s.IsPublished).FirstOrDefault()))
            .ToList();
        return true;
    }
}
