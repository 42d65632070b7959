using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

/// <summary>
/// What the one versioned-text path gives every kind: a draft beside the published text, discarding it, the conflict
/// screen and revisions for FAQ entries (which had neither), and deleting pages.
/// </summary>
public class VersionedTextTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string SaveButton = "button[formaction*='handler=Save']";
    private const string PublishButton = "button[formaction*='handler=Publish']";
    private const string UnpublishButton = "button[formaction*='handler=Unpublish']";
    private const string DraftButton = "button[formaction*='handler=Draft']";
    private const string DiscardButton = "button[formaction*='handler=Discard']";

    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task APublishedPage_HoldsADraft_WhichReadersDoNotSee_UntilItIsPublished()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("draft-beside");
        var id = await CreatePageAsync(editor, "Vigil on Friday", slug, "We meet at six.");

        using var drafted = await editor.SubmitFormAsync(PageUrl(id), Html.Values(("Input.Body", "We meet at **seven**, not six.")), submitter: DraftButton);

        var editorPage = await drafted.ReadDocumentAsync();
        Assert.Equal(PageUrl(id), drafted.LandedOn());
        Assert.Contains("Draft saved. Readers still see the published version", editorPage.Status());
        Assert.Contains("We meet at **seven**", editorPage.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.Contains(editorPage.QuerySelectorAll("main .tag"), t => t.Text() == "Unpublished changes");
        Assert.NotNull(editorPage.QuerySelector(DiscardButton));
        Assert.Equal("We meet at six.", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose")!.Text());
        var list = await editor.GetDocumentAsync("/admin/pages");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), r => r.Text().Contains("Vigil on Friday") && r.Text().Contains("Unpublished changes"));
        var stored = (await factory.PageAsync(id))!;
        Assert.Equal(("We meet at **seven**, not six.", "We meet at six.", true), (stored.Body, stored.PublishedBody, stored.IsPublished));

        // "Update" publishes what the editor has, the draft included.
        using var updated = await editor.SubmitFormAsync(PageUrl(id), submitter: SaveButton);

        Assert.Contains("Saved. The public page shows it now.", (await updated.ReadDocumentAsync()).Status());
        Assert.Equal("seven", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose strong")!.Text());
        var history = await editor.GetDocumentAsync($"/admin/pages/history/{id}");
        Assert.Equal(["Published the draft", "Draft saved", "Created and published"], history.QuerySelectorAll("tbody tr td:nth-of-type(3)").Select(td => td.Text()));
    }

    [Fact]
    public async Task ADraft_CanBeDiscarded_AndTheEditorShowsThePublishedTextAgain()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("discard");
        var id = await CreatePageAsync(editor, "Relief convoy", slug, "Leaves on Monday.");
        using (await editor.SubmitFormAsync(PageUrl(id), Html.Values(("Input.Title", "Relief convoy (changed)"), ("Input.Body", "Leaves on Tuesday.")), submitter: DraftButton)) { }

        using var discarded = await editor.SubmitFormAsync(PageUrl(id), submitter: DiscardButton);

        var page = await discarded.ReadDocumentAsync();
        Assert.Contains("Draft discarded", page.Status());
        Assert.Equal("Relief convoy", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Contains("Leaves on Monday.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("main .tag"), t => t.Text() == "Unpublished changes");
        Assert.Null(page.QuerySelector(DiscardButton));
        var stored = (await factory.PageAsync(id))!;
        Assert.Equal(("Relief convoy", "Leaves on Monday.", 3), (stored.Title, stored.Body, stored.Revisions));
        var audit = (await factory.AuditEntriesAsync()).Where(e => e.Target == "page:" + slug && e.Action == AuditActions.PageEdited).OrderBy(e => e.Id).ToList();
        Assert.Equal(["draft saved", "draft discarded"], audit.Select(e => e.Details));
        Assert.All(audit, e => Assert.Equal(email, e.ActorName));
    }

    [Fact]
    public async Task ATranslation_HoldsADraft_BesideItsPublishedText()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("translated");
        var id = await CreatePageAsync(editor, "Gathering", slug, "In the park.");
        var url = $"/admin/pages/translate/{id}/ar";
        using (await editor.SubmitFormAsync(url, Html.Values(("Input.Title", "تجمع"), ("Input.Body", "في الحديقة.")), submitter: PublishButton)) { }

        using var drafted = await editor.SubmitFormAsync(url, Html.Values(("Input.Body", "في الحديقة الكبيرة.")), submitter: DraftButton);

        Assert.Contains("Draft saved.", (await drafted.ReadDocumentAsync()).Status());
        Assert.Equal("في الحديقة.", (await _visitor.GetDocumentAsync($"/ar/{slug}")).QuerySelector(".prose")!.Text());
        var stored = (await factory.PageAsync(id, "ar"))!;
        Assert.Equal(("في الحديقة الكبيرة.", "في الحديقة."), (stored.Body, stored.PublishedBody));
    }

    // The translation form held a page's limit (200) for every kind: a petition's 250-character title, which its
    // English may have, could not be translated.
    [Fact]
    public async Task ATranslatedTitle_MayBeAsLongAsItsKindAllows()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (petitionId, petitionSlug) = await Khilafat.Web.Tests.Petitions.PetitionTestSupport.CreatePetitionAsync(factory, "Long " + Guid.NewGuid().ToString("N")[..8]);
        var pageId = await CreatePageAsync(editor, "Short", NewSlug("short-title"), "Text.");
        var longTitle = "عريضة " + new string('ط', 244);

        using var petition = await editor.SubmitFormAsync($"/admin/petitions/translate/{petitionId}/ar", Html.Values(("Input.Title", longTitle), ("Input.Body", "نص.")), submitter: PublishButton);
        using var page = await editor.SubmitFormAsync($"/admin/pages/translate/{pageId}/ar", Html.Values(("Input.Title", longTitle), ("Input.Body", "نص.")), submitter: PublishButton);

        Assert.Null((await petition.ReadDocumentAsync()).FieldError("Input.Title"));
        Assert.Equal(longTitle, (await _visitor.GetDocumentAsync($"/ar/petitions/{petitionSlug}")).QuerySelector("h1")!.Text());
        Assert.Equal("The title must be at most 200 characters.", (await page.ReadDocumentAsync()).FieldError("Input.Title"));
    }

    [Fact]
    public async Task TwoEditorsOnOneFaqEntry_TheSecondSeesTheConflict_AndTheFirstsWordsAreKept()
    {
        var (first, firstEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var (second, _) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Who organises the vigils " + Guid.NewGuid().ToString("N")[..8] + "?";
        var id = await CreateFaqAsync(first, question, "Local groups.");
        var url = $"/admin/faq/edit/{id}";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        using (await first.SubmitAsync(firstForm.Form(), url, Html.Values(("Input.Answer", "Local groups, with the movement's help.")))) { }
        using var secondSave = await second.SubmitAsync(secondForm.Form(), url, Html.Values(("Input.Answer", "Volunteers in each city.")));

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var conflict = await secondSave.ReadDocumentAsync();
        Assert.Contains($"{firstEmail} saved this question at", conflict.ErrorSummary());
        Assert.Contains("Local groups, with the movement's help.", conflict.QuerySelector("section.conflict pre")!.Text());
        Assert.Contains("Volunteers in each city.", conflict.QuerySelector("textarea[name='Input.Answer']")!.TextContent);
        Assert.Equal("Local groups, with the movement's help.", (await factory.FaqAsync(id))!.Body);

        // Saving again from the conflict screen replaces the first editor's answer, knowingly; both stay in the history.
        using var again = await second.SubmitAsync(conflict.Form("main form.form"), secondSave.LandedOn());
        Assert.Equal("/admin/faq", again.LandedOn());
        Assert.Equal(("Volunteers in each city.", 3), ((await factory.FaqAsync(id))!.Body, (await factory.FaqAsync(id))!.Revisions));
    }

    [Fact]
    public async Task AFaqEntry_HasRevisions_AndAnOldOneCanBeRestored()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Where do donations go " + Guid.NewGuid().ToString("N")[..8] + "?";
        var id = await CreateFaqAsync(editor, question, "To registered relief charities.");
        using (await editor.SubmitFormAsync($"/admin/faq/edit/{id}", Html.Values(("Input.Answer", "Nowhere yet.")))) { }

        var history = await editor.GetDocumentAsync($"/admin/faq/history/{id}");
        Assert.Equal(["Edited", "Created and published"], history.QuerySelectorAll("tbody tr td:nth-of-type(3)").Select(td => td.Text()));
        Assert.Contains("To registered relief charities.", history.QuerySelector(".diff .removed")!.Text());
        Assert.Contains("Nowhere yet.", history.QuerySelector(".diff .added")!.Text());

        using var restored = await editor.RestoreRevisionAsync($"/admin/faq/history/{id}", 1);

        Assert.Contains("Revision 1 is restored", (await restored.ReadDocumentAsync()).Status());
        var faq = await _visitor.GetDocumentAsync("/faq");
        Assert.Contains(faq.QuerySelectorAll("section.faq-entry"), d => d.Text().Contains(question) && d.Text().Contains("To registered relief charities."));
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.FaqEdited && e.Details == "revision 1" && e.Target!.StartsWith("faq:where-do-donations-go", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeletedPage_AnswersGone_OrLeadsToItsNewAddress_AndKeepsItsRevisions()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var noRedirects = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var gone = NewSlug("gone");
        var moved = NewSlug("moved");
        var goneId = await CreatePageAsync(editor, "Old appeal", gone, "Closed.");
        var movedId = await CreatePageAsync(editor, "Old vigil page", moved, "See the statement.");

        using (var deleted = await editor.SubmitFormAsync($"/admin/pages/delete/{goneId}"))
        {
            Assert.Equal("/admin/pages", deleted.LandedOn());
            Assert.Contains($"/{gone} now answers “gone”", (await deleted.ReadDocumentAsync()).Status());
        }
        using (await editor.SubmitFormAsync($"/admin/pages/delete/{movedId}", Html.Values(("RedirectTo", "/statement")))) { }

        using var goneAnswer = await _visitor.GetAsync("/" + gone);
        Assert.Equal(HttpStatusCode.Gone, goneAnswer.StatusCode);
        Assert.Equal("Page not found", (await goneAnswer.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        using var movedAnswer = await noRedirects.GetAsync("/" + moved);
        Assert.Equal((HttpStatusCode.MovedPermanently, "/statement"), (movedAnswer.StatusCode, movedAnswer.Headers.Location!.OriginalString));
        using var movedInUrdu = await noRedirects.GetAsync("/ur/" + moved);
        Assert.Equal("/ur/statement", movedInUrdu.Headers.Location!.OriginalString);

        Assert.DoesNotContain((await editor.GetDocumentAsync("/admin/pages")).QuerySelectorAll("tbody tr"), r => r.Text().Contains("Old appeal"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/pages/edit/{goneId}")).StatusCode);
        Assert.Equal(1, await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().TextRevisions
            .CountAsync(r => r.Address == gone)));
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PageDeleted && e.Target == "page:" + moved);
        Assert.Equal((email, "redirects to /statement"), (audit.ActorName, audit.Details));

        // A new page may take the deleted page's address again.
        var again = await CreatePageAsync(editor, "New appeal", gone, "Open again.");
        Assert.NotEqual(goneId, again);
        Assert.Equal("Open again.", (await _visitor.GetDocumentAsync("/" + gone)).QuerySelector(".prose")!.Text());
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task APageCannotBeDeletedWithARedirectOffTheSite(string redirect)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("stay");
        var id = await CreatePageAsync(editor, "Stays", slug, "Still here.");

        using var refused = await editor.SubmitFormAsync($"/admin/pages/delete/{id}", Html.Values(("RedirectTo", redirect)));

        var page = await refused.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give an address on this site", page.FieldError("RedirectTo"));
        Assert.Equal(redirect, page.QuerySelector("input[name='RedirectTo']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/" + slug)).StatusCode);
    }

    [Fact]
    public async Task APageCannotBeDeletedWithARedirectToItsOwnAddress_InAnyLanguage()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("loop");
        var id = await CreatePageAsync(editor, "Loop", slug, "Round and round.");

        foreach (var redirect in new[] { "/" + slug, $"/ar/{slug}/", $"/{slug.ToUpperInvariant()}?x=1" })
        {
            using var refused = await editor.SubmitFormAsync($"/admin/pages/delete/{id}", Html.Values(("RedirectTo", redirect)));
            var page = await refused.ReadDocumentAsync();
            Assert.Equal($"Give another page's address: {redirect} leads back to /{slug}, the page being deleted, and readers would go round in a loop.", page.FieldError("RedirectTo"));
            Assert.Equal(redirect, page.QuerySelector("input[name='RedirectTo']")!.GetAttribute("value"));
        }
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/" + slug)).StatusCode);
    }

    [Fact]
    public async Task APageCannotBeDeletedWithARedirectThatComesBackThroughAnotherDeletedPage()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (a, b) = (NewSlug("loop-a"), NewSlug("loop-b"));
        var idA = await CreatePageAsync(editor, "Loop A", a, "A.");
        var idB = await CreatePageAsync(editor, "Loop B", b, "B.");
        using (var deleted = await editor.SubmitFormAsync($"/admin/pages/delete/{idA}", Html.Values(("RedirectTo", "/" + b))))
            Assert.Equal("/admin/pages", deleted.LandedOn());

        // /b → /a, which leads to /b: a browser would go round until it gives up, and keep the permanent redirects.
        using var refused = await editor.SubmitFormAsync($"/admin/pages/delete/{idB}", Html.Values(("RedirectTo", $"/ar/{a}")));

        Assert.Equal($"Give another page's address: /ar/{a} leads back to /{b}, the page being deleted, and readers would go round in a loop.",
            (await refused.ReadDocumentAsync()).FieldError("RedirectTo"));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/" + b)).StatusCode);
    }

    [Theory]
    [InlineData("privacy")]
    [InlineData("statement")]
    public async Task TheSitesOwnPages_CannotBeUnpublished_TheSiteLinksToThemFromEveryPage(string slug)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var form = await editor.GetDocumentAsync(PageUrl(id));
        Assert.Null(form.QuerySelector(UnpublishButton));
        Assert.NotNull(form.QuerySelector(SaveButton));
        Assert.Equal("What changed, for readers", form.QuerySelector("label[for='Input_ChangeNote']")!.Text());

        // The handler asked for all the same (an old page, a crafted post): refused, with what was typed kept.
        using var refused = await editor.SubmitAsync(form.Form("main form.form"), PageUrl(id) + "?handler=Unpublish", Html.Values(("Input.Summary", "Kept as typed")));

        var page = await refused.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This page stays published", page.ErrorSummary());
        Assert.Equal("Kept as typed", page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/" + slug)).StatusCode);
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Target == "page:" + slug && e.Action == AuditActions.PageUnpublished);
    }

    [Theory]
    [InlineData("statement")]
    [InlineData("history")]
    [InlineData("home")]
    public async Task TheSitesOwnPages_CannotBeDeleted(string slug)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

        Assert.Null((await editor.GetDocumentAsync($"/admin/pages/edit/{id}")).QuerySelector($"a[href='/admin/pages/delete/{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/pages/delete/{id}")).StatusCode);
        // The editor's form posted with no button (no handler) changes nothing and fails nothing.
        using var noButton = await editor.SubmitFormAsync($"/admin/pages/edit/{id}");
        Assert.True(noButton.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{noButton.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync(slug == "home" ? "/" : "/" + slug)).StatusCode);
    }

    private static string PageUrl(int id) => $"/admin/pages/edit/{id}";

    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>Creates and publishes a page through the form; returns its id.</summary>
    private static async Task<int> CreatePageAsync(HttpClient editor, string title, string slug, string body)
    {
        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", slug), ("Input.Body", body)), submitter: PublishButton);
        Assert.StartsWith("/admin/pages/edit/", response.LandedOn());
        return AdminSite.IdFrom(response.LandedOn());
    }

    private async Task<int> CreateFaqAsync(HttpClient editor, string question, string answer)
    {
        using var response = await editor.SubmitFormAsync("/admin/faq/create", Html.Values(("Input.Question", question), ("Input.Answer", answer)));
        Assert.Equal("/admin/faq", response.LandedOn());
        return (await factory.ItemWithTitleAsync(TextKinds.Faq, question))!.Value;
    }
}
