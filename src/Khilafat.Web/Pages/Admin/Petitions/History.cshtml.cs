using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Petitions;

namespace Khilafat.Web.Pages.Admin.Petitions;

/// <summary>A petition's revisions in one language, compared and restored like every text's.</summary>
public class HistoryModel(PetitionEditor petitions, TextEditor texts) : TextHistoryPageModel(texts, TextKinds.Petition, "petition")
{
    protected override async Task<string?> ItemTitleAsync(int id, CancellationToken ct) => (await petitions.GetAsync(id, ct))?.Text.Working.Title;

    protected override Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, TextPublication? publication) => petitions.RestoreAsync(id, culture, number, actor, publication: publication);
}
