using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>An update's English text, address and settings; its publish time is entered and shown in the site's time zone.</summary>
public class EditModel(UpdateEditor updates, TextEditor texts, SiteTimeZone zone) : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public UpdateForm Input { get; set; } = new();

    public EditableUpdate Stored { get; private set; } = null!;

    /// <summary>Each other language, and whether the update is translated into it (null: not yet; else published or draft).</summary>
    public IReadOnlyList<(string Culture, bool? IsPublished)> Translations { get; private set; } = [];

    public string Title => "Edit update";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = UpdateForm.From(Stored, zone);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, TextChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id) => SaveAsync(id, TextChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id) => SaveAsync(id, TextChange.Unpublish);

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        if (!await LoadAsync(id, default)) return NotFound();
        if (change == TextChange.DiscardDraft) Input.Slug = Stored.Slug;
        if (!ModelState.IsValid || Input.ToSettings(zone, ModelState) is not { } settings) return Page();
        var result = await updates.UpdateAsync(id, Input.Version, Input.Slug, Input.ToInput(), change,
            settings with { LeadImage = new Khilafat.Web.Media.LeadImageChoice(Input.LeadImageId) }, Actor.From(User), ((IChangeDescription)Input).Publication);
        var message = DraftMessage(change) ?? change switch
        {
            TextChange.Publish => "Published." + (settings.ShowOnSite ? " The update is on the site now." : " It is email only, so it is not shown on the site."),
            TextChange.Unpublish => settings.PublishAt is { } again ? $"Unpublished, and scheduled for {zone.ToLocal(again):d MMM yyyy HH:mm} ({zone.Name})." : "Unpublished. The update is a draft again.",
            _ when Stored.Text.IsPublished => "Saved. Readers see it now.",
            _ => settings.PublishAt is { } at ? $"Saved. It will be published on {zone.ToLocal(at):d MMM yyyy} at {zone.ToLocal(at):HH:mm} ({zone.Name})"
                    + (settings.EmailOnPublish ? ", and emailed to every subscriber then." : ".")
                : Stored.PublishAt is not null ? "Saved. The schedule is cancelled: the update stays a draft until you publish it." : "Draft saved.",
        };
        var outcome = Outcome(result, "update", Input.ToInput(), v => Input.Version = v, message, () => RedirectToPage(new { id }));
        if (Conflict is not null && await LoadAsync(id, default))
            AddConflictFields(FieldDifference.Between(UpdateForm.From(Stored, zone), Input, nameof(UpdateForm.Slug), nameof(UpdateForm.EmailOnly),
                nameof(UpdateForm.PublishAt), nameof(UpdateForm.EmailOnPublish), nameof(UpdateForm.LeadImageId)));
        return outcome;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await updates.GetAsync(id, ct) is not { } update) return false;
        Stored = update;
        var states = (await texts.StatesAsync(TextKinds.Update, ct))[id].ToList();
        Translations = SiteCultures.All.Where(TextEditor.IsTranslationCulture)
            .Select(c => (c, states.Where(s => s.Culture == c).Select(s => (bool?)s.IsPublished).FirstOrDefault()))
            .ToList();
        return true;
    }
}
