using Khilafat.Web.Audit;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>A page's revisions in one language; restoring the original's also restores its address.</summary>
public class HistoryModel(PageEditor pages, TextEditor texts) : TextHistoryPageModel(texts, TextKinds.Page, "page")
{
    protected override async Task<string?> ItemTitleAsync(int id, CancellationToken ct) => (await pages.GetAsync(id, ct))?.Text.Working.Title;

    protected override Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, TextPublication? publication) => pages.RestoreAsync(id, culture, number, actor, publication: publication);
}
