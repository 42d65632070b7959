using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Tests.Infrastructure;
using static Khilafat.Web.Tests.Updates.UpdateTestSupport;

namespace Khilafat.Web.Tests.Updates;

/// <summary>An editor writes, publishes, translates, restores and deletes an update through the admin forms.</summary>
public class UpdateEditingTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task EditorJourney_Draft_Publish_Translate_Restore_Delete()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Winter relief convoy");

        // Create: a draft, its address made from its title.
        using var created = await editor.SubmitFormAsync("/admin/updates/create",
            Html.Values(("Input.Title", title), ("Input.Summary", "Blankets for the north."), ("Input.Body", "The convoy leaves on **Friday**.")), submitter: DraftButton);
        var editPage = await created.ReadDocumentAsync();
        Assert.Contains("is saved as a draft", editPage.Status());
        var id = AdminSite.IdFrom(created.LandedOn());
        var slug = (await factory.StoredUpdateAsync(id)).Slug;
        Assert.Equal(title.ToLowerInvariant().Replace(' ', '-'), slug);
        Assert.Equal("Draft", editPage.QuerySelector("main .tag")!.Text());
        Assert.Equal($"/admin/updates/{id}/send", editPage.QuerySelectorAll("main a").Single(a => a.Text() == "Email to the list").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        Assert.DoesNotContain(title, (await _visitor.GetDocumentAsync("/updates")).QuerySelector("main")!.Text());

        // Publish: on the site, dated.
        using var published = await editor.SubmitFormAsync(EditUrl(id), submitter: PublishButton);
        Assert.Contains("Published.", (await published.ReadDocumentAsync()).Status());
        var page = await _visitor.GetDocumentAsync("/updates/" + slug);
        Assert.Equal(title, page.QuerySelector("h1")!.Text());
        Assert.Equal("Friday", page.QuerySelector(".prose strong")!.Text());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")), page.QuerySelector(".update-date time")!.Text());
        Assert.Contains(title, (await _visitor.GetDocumentAsync("/updates")).QuerySelector("main")!.Text());

        // Translate into Arabic: /ar shows it; Urdu, not translated, shows the English marked as English with the notice.
        using var translated = await editor.SubmitFormAsync(TranslateUrl(id, "ar"),
            Html.Values(("Input.Title", "قافلة الإغاثة الشتوية"), ("Input.Body", "تنطلق القافلة يوم **الجمعة**.")), submitter: PublishButton);
        Assert.Contains("Published: the update shows in this language now.", (await translated.ReadDocumentAsync()).Status());
        var arabic = await _visitor.GetDocumentAsync("/ar/updates/" + slug);
        Assert.Equal("قافلة الإغاثة الشتوية", arabic.QuerySelector("h1")!.Text());
        Assert.Null(arabic.QuerySelector(".notice"));
        var urdu = await _visitor.GetDocumentAsync("/ur/updates/" + slug);
        Assert.Equal(title, urdu.QuerySelector("h1")!.Text());
        Assert.Equal("en", urdu.QuerySelector(".prose")!.GetAttribute("lang"));
        Assert.NotNull(urdu.QuerySelector(".notice[role=note]"));

        // Edit the published text, then restore the first revision from the history.
        await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "The convoy is postponed.")), submitter: SaveButton);
        Assert.Contains("postponed", (await _visitor.GetDocumentAsync("/updates/" + slug)).QuerySelector(".prose")!.Text());
        var history = await editor.GetDocumentAsync(HistoryUrl(id));
        Assert.NotNull(history.QuerySelector("form[action*='handler=Restore'] input[name=number][value='1']"));
        using var restored = await editor.RestoreRevisionAsync(HistoryUrl(id), 1);
        Assert.Contains("Revision 1 is restored as the newest revision.", (await restored.ReadDocumentAsync()).Status());
        Assert.Equal("Friday", (await _visitor.GetDocumentAsync("/updates/" + slug)).QuerySelector(".prose strong")!.Text());

        // Delete: the address answers 410 Gone in every language, and the update leaves the list.
        using var deleted = await editor.SubmitFormAsync($"/admin/updates/delete/{id}");
        Assert.Equal("/admin/updates", deleted.LandedOn());
        Assert.Contains("is deleted", (await deleted.ReadDocumentAsync()).Status());
        Assert.Equal(HttpStatusCode.Gone, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await _visitor.GetAsync("/ar/updates/" + slug)).StatusCode);
        Assert.DoesNotContain(title, (await _visitor.GetDocumentAsync("/updates")).QuerySelector("main")!.Text());
        Assert.DoesNotContain(title, (await editor.GetDocumentAsync("/admin/updates")).QuerySelector("main")!.Text());

        var audit = (await factory.AuditEntriesAsync()).Where(e => e.Target == "update:" + slug).Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.UpdateCreated, AuditActions.UpdatePublished, AuditActions.UpdateEdited, AuditActions.UpdateRestored, AuditActions.UpdateDeleted], audit);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == $"update:{slug}:ar" && e.Action == AuditActions.UpdatePublished);
        Assert.All((await factory.AuditEntriesAsync()).Where(e => e.Target == "update:" + slug), e => Assert.Equal(email, e.ActorName));
    }

    [Fact]
    public async Task AnArabicTranslationBehindAMajorEnglishChange_IsListedLinkingToItsOwnTranslator_AndReadersAreTold()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Clinic reopened");
        var (id, slug) = await factory.CreateUpdateAsync(title, "The clinic is open.");
        await factory.TranslateUpdateAsync(id, "ar", "إعادة فتح العيادة", "العيادة مفتوحة.");
        Assert.Null((await _visitor.GetDocumentAsync($"/ar/updates/{slug}")).QuerySelector("main .notice a[hreflang='en']"));

        using (var saved = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "The clinic is open every day."), ("Input.IsMajorChange", "true"),
                   ("Input.ChangeNote", "Open every day")), submitter: SaveButton))
            Assert.Contains("Saved.", (await saved.ReadDocumentAsync()).Status());

        var listed = (await editor.GetDocumentAsync("/admin")).QuerySelectorAll("section[aria-labelledby='outdated-heading'] li").Single(li => li.Text().Contains(title));
        Assert.Equal(TranslateUrl(id, "ar"), listed.QuerySelector("a")!.GetAttribute("href"));
        var translator = await editor.GetDocumentAsync(TranslateUrl(id, "ar"));
        Assert.Equal("إعادة فتح العيادة", translator.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Contains("every day", translator.QuerySelector("section:has(#outdated-heading)")!.Text());
        // Arabic readers are told, and led to the English; English readers see nothing of it.
        var arabic = await _visitor.GetDocumentAsync($"/ar/updates/{slug}");
        var notice = arabic.QuerySelectorAll("main .notice").Single(n => n.QuerySelector("a[hreflang='en']") is not null);
        Assert.Equal($"/updates/{slug}", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null((await _visitor.GetDocumentAsync($"/updates/{slug}")).QuerySelector("main .notice a[hreflang='en']"));
        // Emailing it to the list says so beside the Arabic message, which would go as it is.
        var send = await editor.GetDocumentAsync($"/admin/updates/{id}/send");
        var warning = send.QuerySelector("section[aria-labelledby='preview-ar'] .send-outdated")!;
        Assert.Contains("made from version 1 of the English text, which is at version 2 now", warning.Text());
        Assert.Equal(TranslateUrl(id, "ar"), warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(send.QuerySelector("section[aria-labelledby='preview-en'] .send-outdated"));
    }

    [Fact]
    public async Task ADraftBesideAPublishedUpdate_IsNotPublic_UntilPublished_AndCanBeDiscarded()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Appeal"), "Send blankets.");

        using var drafted = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "Send blankets and coats.")), submitter: "button[formaction*='handler=Draft']");

        Assert.Contains("Draft saved.", (await drafted.ReadDocumentAsync()).Status());
        Assert.Equal("Send blankets.", (await _visitor.GetDocumentAsync("/updates/" + slug)).QuerySelector(".prose")!.Text());
        using var discarded = await editor.SubmitFormAsync(EditUrl(id), submitter: "button[formaction*='handler=Discard']");
        Assert.Contains("Draft discarded", (await discarded.ReadDocumentAsync()).Status());
        Assert.Equal("Send blankets.", (await editor.GetDocumentAsync(EditUrl(id))).QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());

        await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "Send coats.")), submitter: "button[formaction*='handler=Draft']");
        using var published = await editor.SubmitFormAsync(EditUrl(id), submitter: SaveButton);
        Assert.Equal("Send coats.", (await _visitor.GetDocumentAsync("/updates/" + slug)).QuerySelector(".prose")!.Text());
    }

    [Fact]
    public async Task TwoUpdatesWithOneTitle_GetTwoAddresses()
    {
        var title = NewTitle("Vigil");
        var (_, first) = await factory.CreateUpdateAsync(title);
        var (_, second) = await factory.CreateUpdateAsync(title);

        Assert.Equal(title.ToLowerInvariant().Replace(' ', '-'), first);
        Assert.Equal(first + "-2", second);
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/updates/" + second)).StatusCode);
    }

    [Fact]
    public async Task ATitleWithoutLatinLetters_GetsAnAddressAllTheSame()
    {
        var (_, slug) = await factory.CreateUpdateAsync("وقفة سلمية");

        Assert.Matches("^update(-[0-9]+)?$", slug);
        Assert.Equal("وقفة سلمية", (await _visitor.GetDocumentAsync("/updates/" + slug)).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task AnUpdateWithoutABody_IsRefused_BesideTheField_AndNothingIsSaved()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Empty");

        using var response = await editor.SubmitFormAsync("/admin/updates/create", Html.Values(("Input.Title", title), ("Input.Body", "")), submitter: PublishButton);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter the body.", (await response.ReadDocumentAsync()).FieldError("Input.Body"));
        Assert.Null(await factory.ItemWithTitleAsync(TextKinds.Update, title));
    }

    [Fact]
    public async Task ATakenAddress_IsRefused_BesideTheField()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (_, taken) = await factory.CreateUpdateAsync(NewTitle("Taken"));
        var (id, mine) = await factory.CreateUpdateAsync(NewTitle("Mine"));

        using var response = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Slug", taken)), submitter: SaveButton);

        Assert.Equal("Another update already uses this address.", (await response.ReadDocumentAsync()).FieldError("Input.Slug"));
        Assert.Equal(mine, (await factory.StoredUpdateAsync(id)).Slug);
    }

    [Fact]
    public async Task EmailOnly_IsNeverOnTheSite_TheFeed_OrTheSitemap()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Members only news");
        using var created = await editor.SubmitFormAsync("/admin/updates/create",
            Html.Values(("Input.Title", title), ("Input.Body", "For subscribers."), ("Input.EmailOnly", "true")), submitter: PublishButton);
        var id = AdminSite.IdFrom(created.LandedOn());
        var slug = (await factory.StoredUpdateAsync(id)).Slug;
        await factory.TranslateUpdateAsync(id, "ar", "أخبار للمشتركين", "للمشتركين.");

        Assert.Contains("Email only", (await editor.GetDocumentAsync("/admin/updates")).QuerySelector("main")!.Text());
        foreach (var culture in new[] { "", "/ar", "/ur" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"{culture}/updates/{slug}")).StatusCode);
            Assert.DoesNotContain(slug, await _visitor.GetStringAsync($"{culture}/updates"));
            Assert.DoesNotContain(slug, await _visitor.GetStringAsync($"{culture}/updates/feed.atom"));
            Assert.DoesNotContain(slug, await _visitor.GetStringAsync(culture.Length == 0 ? "/" : culture));
        }
        Assert.DoesNotContain(slug, await _visitor.GetStringAsync("/sitemap.xml"));
    }
}
