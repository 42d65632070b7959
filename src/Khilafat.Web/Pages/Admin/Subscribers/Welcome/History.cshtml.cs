using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;

namespace Khilafat.Web.Pages.Admin.Subscribers.Welcome;

/// <summary>The welcome email's revisions in one language (?culture=), with comparison and restore.</summary>
public class HistoryModel(WelcomeEmail welcome, TextEditor texts) : TextHistoryPageModel(texts, TextKinds.Welcome, "welcome email")
{
    protected override async Task<string?> ItemTitleAsync(int id, CancellationToken ct) =>
        id == WelcomeEmail.ItemId && await welcome.GetAsync(Culture, ct) is not null ? "Welcome email" : null;

    protected override Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, TextPublication? publication) =>
        id == WelcomeEmail.ItemId && SiteCultures.IsSupported(culture)
            ? welcome.RestoreAsync(culture, number, actor, publication: publication)
            : Task.FromResult<TextSaveResult>(new TextSaveResult.NotFound());
}
