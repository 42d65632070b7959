using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin;

/// <summary>
/// What every text editor page shares (pages, FAQ entries, their translations): the status message, the conflict
/// screen, and turning a save's outcome into the answer. The page's form is bound as "Input" with a Version field.
/// </summary>
public abstract class TextEditorPageModel : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Set when someone else saved the text after this editor opened it: what is stored now.</summary>
    public TextSaveResult.Conflict? Conflict { get; private set; }

    /// <summary>From the stored text to this editor's.</summary>
    public IReadOnlyList<DiffLine> ConflictDiff { get; private set; } = [];

    /// <summary>The other fields the stored version and this editor's form disagree on (title and summary; a kind adds its own).</summary>
    public IReadOnlyList<FieldDifference> ConflictFields { get; private set; } = [];

    /// <summary>Saves the form with <paramref name="change"/>: each editor page says how, and what it answers.</summary>
    protected abstract Task<IActionResult> SaveAsync(int id, TextChange change);

    /// <summary>Keeps the edit beside the published text, which readers go on seeing.</summary>
    public Task<IActionResult> OnPostDraftAsync(int id) => SaveAsync(id, TextChange.SaveDraft);

    /// <summary>Brings the published text back into the editor; what the form holds is not checked, since it is set aside.</summary>
    public Task<IActionResult> OnPostDiscardAsync(int id)
    {
        ModelState.Clear();
        return SaveAsync(id, TextChange.DiscardDraft);
    }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The form posted without one of its buttons (no handler) asks for nothing: back to the editor, nothing saved.
        if (context.HandlerMethod is null && HttpMethods.IsPost(Request.Method)) context.Result = RedirectToPage();
    }

    /// <summary>
    /// The answer to a save: <paramref name="saved"/> with <paramref name="savedMessage"/>; else this page again with the
    /// field errors, or with the conflict screen (what <paramref name="what"/> names was saved by someone else) and the
    /// form's version moved on, so saving again knowingly replaces theirs.
    /// </summary>
    protected IActionResult Outcome(TextSaveResult result, string what, TextInput typed, Action<int> setVersion, string savedMessage, Func<IActionResult> saved,
        string titleLabel = "Title")
    {
        switch (result)
        {
            case TextSaveResult.Saved:
                StatusMessage = savedMessage;
                return saved();
            case TextSaveResult.Conflict conflict:
                Conflict = conflict;
                ConflictDiff = LineDiff.Compare(conflict.Current.Body, typed.Body.Replace("\r\n", "\n"));
                ConflictFields = FieldDifference.Between(conflict.Current, typed, titleLabel).ToList();
                ModelState.Remove("Input.Version");
                setVersion(conflict.CurrentVersion);
                ModelState.AddModelError(string.Empty,
                    $"{conflict.LastEditor} saved this {what} at {conflict.UpdatedAt:HH:mm} UTC, after you opened it. Nothing of yours was saved yet: compare the two versions below, then save again to replace theirs with yours.");
                return Page();
            case TextSaveResult.Invalid invalid:
                // An empty field name is about the whole save, not one field.
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError(field.Length == 0 ? string.Empty : "Input." + field, message);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>After a conflict, the kind's own fields that differ between what is stored now and the form.</summary>
    protected void AddConflictFields(IEnumerable<FieldDifference> fields) => ConflictFields = [.. ConflictFields, .. fields];

    /// <summary>The status message for the draft actions every kind shares; null for the others, which each page words itself.</summary>
    protected static string? DraftMessage(TextChange change) => change switch
    {
        TextChange.SaveDraft => "Draft saved. Readers still see the published version until you publish the draft.",
        TextChange.DiscardDraft => "Draft discarded: the editor shows the published version again.",
        _ => null,
    };
}
