using Khilafat.Web.Audit;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin.Faq;

/// <summary>An FAQ entry's revisions in one language.</summary>
public class HistoryModel(FaqEditor faq, TextEditor texts) : TextHistoryPageModel(texts, TextKinds.Faq, "question")
{
    protected override async Task<string?> ItemTitleAsync(int id, CancellationToken ct) => (await faq.GetAsync(id, ct))?.Text.Working.Title;

    protected override Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, TextPublication? publication) => faq.RestoreAsync(id, culture, number, actor, publication: publication);
}
