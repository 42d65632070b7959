using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Updates;

namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>An update's revisions in one language, compared and restored like every text's.</summary>
public class HistoryModel(UpdateEditor updates, TextEditor texts) : TextHistoryPageModel(texts, TextKinds.Update, "update")
{
    protected override async Task<string?> ItemTitleAsync(int id, CancellationToken ct) => (await updates.GetAsync(id, ct))?.Text.Working.Title;

    protected override Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, TextPublication? publication) => updates.RestoreAsync(id, culture, number, actor, publication: publication);
}
