using Khilafat.Web.Content;
using Khilafat.Web.Updates;

namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>
/// An update's translation, edited beside its English original with its own draft or published state and revisions.
/// A translation shows only while the English is published, so one published before a scheduled time appears with it.
/// </summary>
public class TranslateModel(UpdateEditor updates, TextEditor texts, ChangeLog changes) : TranslationPageModel(texts, changes), IPageMeta
{
    public EditableUpdate Original { get; private set; } = null!;

    protected override async Task<TextItem?> LoadOriginalAsync(int id, string culture, CancellationToken ct)
    {
        if (await updates.GetAsync(id, ct) is not { } update) return null;
        Original = update;
        return UpdateEditor.Item(id, update.Slug);
    }

    protected override string SavedMessage(TextChange change) => change switch
    {
        TextChange.Publish => Original.Text.IsPublished ? "Published: the update shows in this language now." : "Published: it will show in this language once the English is published.",
        TextChange.Unpublish => "Unpublished: the update shows in English in this language again.",
        _ => Translation?.IsPublished == true ? "Saved. Readers see it now." : "Draft saved.",
    };
}
