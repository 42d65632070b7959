using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Faq;

/// <summary>
/// An FAQ entry's text in one language: the English original (Edit, with its anchor) or a translation beside it
/// (Translate, at /admin/faq/translate/{id}/{culture}). Until a translation is published, /faq in that language shows
/// the English entry.
/// </summary>
public class EditModel(FaqEditor faq, TextEditor texts, ChangeLog changes) : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public FaqForm Input { get; set; } = new();

    public EditableFaqEntry Original { get; private set; } = null!;

    /// <summary>The stored text in <see cref="Culture"/>; null for a translation not yet saved.</summary>
    public TextView? Stored { get; private set; }

    /// <summary>For a translation: set when the English changed in meaning since it was published, with what changed since.</summary>
    public (OutdatedTranslation Versions, IReadOnlyList<DiffLine> Diff)? Outdated { get; private set; }

    public string Culture => RouteData.Values["culture"] as string ?? SiteCultures.Default;
    public bool IsTranslation => Culture != SiteCultures.Default;
    public string Direction => SiteCultures.IsRightToLeft(Culture) ? "rtl" : "ltr";
    public string Title => IsTranslation ? $"Translate a question into {SiteCultures.NativeName(Culture)}" : "Edit question";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = FaqForm.From(Original.Anchor, Stored);
        return Page();
    }

    /// <summary>The form's own submit: published or not as its checkbox says.</summary>
    public Task<IActionResult> OnPostAsync(int id) => SaveAsync(id, Input.IsPublished ? TextChange.Publish : TextChange.Unpublish);

    /// <summary>The editor vouches for a seeded translation: readers no longer see that it awaits review.</summary>
    public async Task<IActionResult> OnPostReviewedAsync(int id)
    {
        if (!IsTranslation || !await LoadAsync(id, default) || !await texts.MarkReviewedAsync(TextItem.Faq(id, Original.Anchor), Culture, Actor.From(User))) return NotFound();
        StatusMessage = TranslationReview.ReviewedMessage;
        return RedirectToPage(new { id, culture = Culture });
    }

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        if (!await LoadAsync(id, default)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = IsTranslation
            ? await texts.SaveAsync(TextItem.Faq(id, Original.Anchor), Culture, Input.Version, Input.ToInput(), change, Actor.From(User), ((IChangeDescription)Input).Publication)
            : await faq.UpdateAsync(id, Input.Version, Input.Anchor, Input.ToInput(), change, Actor.From(User), ((IChangeDescription)Input).Publication);
        if (DraftMessage(change) is { } draftMessage)
            return Outcome(result, "question", Input.ToInput(), v => Input.Version = v, draftMessage, () => RedirectToPage(new { id, culture = RouteData.Values["culture"] }), "Question");
        return Outcome(result, "question", Input.ToInput(), v => Input.Version = v,
            IsTranslation ? "The translation is saved." : "The question is saved.", () => RedirectToPage("Index"), "Question");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!SiteCultures.IsSupported(Culture) || await faq.GetAsync(id, ct) is not { } entry) return false;
        Original = entry;
        Stored = IsTranslation ? await texts.GetAsync(TextKinds.Faq, id, Culture, ct) : entry.Text;
        if (IsTranslation) Outdated = await changes.OutdatedWithChangesAsync(TextKinds.Faq, id, Culture, ct);
        return true;
    }
}
