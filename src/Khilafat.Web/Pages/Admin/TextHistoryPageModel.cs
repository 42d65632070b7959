using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin;

/// <summary>
/// The history page of any kind's text in one language (?culture=, English by default): its revisions, the comparison
/// of any two, and restoring one as a new revision. A kind says how to name its item and how to restore.
/// </summary>
public abstract class TextHistoryPageModel(TextEditor texts, string kind, string what) : PageModel, IPageMeta
{
    public int Id { get; private set; }
    public string ItemTitle { get; private set; } = "";
    public TextHistory History { get; private set; } = null!;

    /// <summary>Whose revisions: the English original ("en", the default) or a translation ("ar", "ur").</summary>
    [BindProperty(SupportsGet = true)]
    public string Culture { get; set; } = SiteCultures.Default;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The editor's word on a restore of a published text: whether it changes the meaning, and how.</summary>
    [BindProperty]
    public RestoreForm Restore { get; set; } = new();

    public const string ConfirmKey = "RestoreConfirm";

    /// <summary>The revision whose restore waits for that word (a published text: readers see it at once), or null.</summary>
    public int? Confirming { get; private set; }

    public string Title => "History: " + ItemTitle + (Culture == SiteCultures.Default ? "" : $" ({SiteCultures.NativeName(Culture)})");

    /// <summary>The item's English title; null when there is no such item.</summary>
    protected abstract Task<string?> ItemTitleAsync(int id, CancellationToken ct);

    protected abstract Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, TextPublication? publication);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!SiteCultures.IsSupported(Culture) || await ItemTitleAsync(id, ct) is not { } title) return NotFound();
        (Id, ItemTitle) = (id, title);
        History = await texts.HistoryAsync(kind, id, Culture, From, To, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken ct)
    {
        if (!SiteCultures.IsSupported(Culture) || await texts.GetAsync(kind, id, Culture, ct) is not { } current) return NotFound();
        // A published text shows the restored one at once, as a new public version: first the editor says whether that
        // changes the meaning (undoing a change in meaning does), as when publishing from the editor.
        if (current.IsPublished && !Restore.Confirmed) return await ConfirmAsync(id, number, ct);
        var result = await RestoreAsync(id, Culture, number, Actor.From(User), current.IsPublished ? ((IChangeDescription)Restore).Publication : null);
        if (result is TextSaveResult.NotFound) return NotFound();
        if (result is TextSaveResult.Invalid refused && refused.Errors.TryGetValue("ChangeNote", out var noteError))
        {
            ModelState.AddModelError("Restore.ChangeNote", noteError);
            return await ConfirmAsync(id, number, ct);
        }
        StatusMessage = result switch
        {
            TextSaveResult.Saved => $"Revision {number} is restored as the newest revision." + (current.IsPublished ? " Readers see it now." : ""),
            TextSaveResult.Invalid invalid => $"Revision {number} cannot be restored: " + string.Join(" ", invalid.Errors.Values),
            _ => $"Someone saved the {what} at the same moment. Look at the newest revision, then restore again if you still want to.",
        };
        return RedirectToPage(new { id, culture = Culture, from = (int?)null, to = (int?)null });
    }

    private async Task<IActionResult> ConfirmAsync(int id, int number, CancellationToken ct)
    {
        if (await ItemTitleAsync(id, ct) is not { } title) return NotFound();
        (Id, ItemTitle, Confirming) = (id, title, number);
        // For _TextHistory, whose own model is the history: the confirmation goes above the revisions.
        ViewData[ConfirmKey] = this;
        History = await texts.HistoryAsync(kind, id, Culture, From, To, ct);
        return Page();
    }

    public sealed class RestoreForm : IChangeDescription
    {
        /// <summary>Sent by the confirmation's button: the editor has said what kind of change the restore is.</summary>
        public bool Confirmed { get; set; }

        public bool IsMajorChange { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
        public string? ChangeNote { get; set; }
    }
}
