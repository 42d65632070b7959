using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Events;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>An event's revisions in one language, compared and restored like every text's.</summary>
public class HistoryModel(EventEditor events, TextEditor texts) : TextHistoryPageModel(texts, TextKinds.Event, "event")
{
    protected override async Task<string?> ItemTitleAsync(int id, CancellationToken ct) => (await events.GetAsync(id, ct))?.Text.Working.Title;

    protected override Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, TextPublication? publication) => events.RestoreAsync(id, culture, number, actor, publication: publication);
}
