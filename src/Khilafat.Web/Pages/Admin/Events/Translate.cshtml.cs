using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Events;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>An event's translation, edited beside its English original with its own draft or published state and revisions.</summary>
public class TranslateModel(EventEditor events, TextEditor texts, ChangeLog changes) : TranslationPageModel(texts, changes), IPageMeta
{
    public EditableEvent Original { get; private set; } = null!;

    protected override async Task<TextItem?> LoadOriginalAsync(int id, string culture, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return null;
        Original = e;
        return EventEditor.Item(id, e.Slug);
    }

    protected override Task<TextSaveResult> SaveTranslationAsync(TextItem item, string culture, int expectedVersion, TextInput input, TextChange change,
        Actor actor, TextPublication? publication) =>
        events.SaveTranslationAsync(item.ItemId, culture, expectedVersion, input, change, actor, publication);

    protected override string SavedMessage(TextChange change) => change switch
    {
        TextChange.Publish => Original.Text.IsPublished ? "Published: the event shows in this language now." : "Published: it will show in this language once the English is published.",
        TextChange.Unpublish => "Unpublished: the event shows in English in this language again.",
        _ => Translation?.IsPublished == true ? "Saved. Readers see it now." : "Draft saved.",
    };
}
