using Khilafat.Web.Content;
using Khilafat.Web.Petitions;

namespace Khilafat.Web.Pages.Admin.Petitions;

/// <summary>A petition's translation, edited beside its English original with its own draft or published state and revisions.</summary>
public class TranslateModel(PetitionEditor petitions, TextEditor texts, ChangeLog changes) : TranslationPageModel(texts, changes), IPageMeta
{
    public EditablePetition Original { get; private set; } = null!;

    protected override async Task<TextItem?> LoadOriginalAsync(int id, string culture, CancellationToken ct)
    {
        if (await petitions.GetAsync(id, ct) is not { } petition) return null;
        Original = petition;
        return PetitionEditor.Item(id, petition.Slug);
    }

    protected override string SavedMessage(TextChange change) => change switch
    {
        TextChange.Publish => "Published: the petition shows in this language.",
        TextChange.Unpublish => "Unpublished: the petition shows in English in this language again.",
        _ => Translation?.IsPublished == true ? "Saved. Readers see it now." : "Draft saved.",
    };
}
