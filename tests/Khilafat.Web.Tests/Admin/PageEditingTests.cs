using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

public class PageEditingTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string SaveButton = "button[formaction*='handler=Save']";
    private const string PublishButton = "button[formaction*='handler=Publish']";
    private const string UnpublishButton = "button[formaction*='handler=Unpublish']";
    private const string DraftButton = "button[formaction*='handler=Draft']";
    private const string PreviewButton = "button[formaction='/admin/pages/preview']";

    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task ADraft_IsNotPublic_UntilItIsPublished()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("draft");

        var (id, created) = await CreatePageAsync(editor, "Winter relief", slug, "Bring **blankets** and *soup*.", publish: false);

        Assert.Contains("is saved as a draft", created.Status());
        Assert.Equal("Draft", created.QuerySelector("main .tag")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/" + slug)).StatusCode);

        using var published = await editor.SubmitFormAsync(EditUrl(id), submitter: PublishButton);

        Assert.Contains("Published.", (await published.ReadDocumentAsync()).Status());
        var page = await _visitor.GetDocumentAsync("/" + slug);
        Assert.Equal("Winter relief", page.QuerySelector("h1")!.Text());
        Assert.Equal("blankets", page.QuerySelector(".prose strong")!.Text());
        Assert.Equal("soup", page.QuerySelector(".prose em")!.Text());
        var audit = (await factory.AuditEntriesAsync()).Where(e => e.Target == "page:" + slug).ToList();
        Assert.Equal([AuditActions.PageCreated, AuditActions.PagePublished], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(email, e.ActorName));
        Assert.Equal("draft", audit[0].Details);
    }

    [Fact]
    public async Task AnEdit_ShowsOnThePublicPage_OnTheNextRequest()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("edit");
        var (id, _) = await CreatePageAsync(editor, "Food bank", slug, "Open on Mondays.", publish: true);
        Assert.Contains("Open on Mondays.", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose")!.Text());
        // Asked again, so the public page is surely in the output cache.
        Assert.Contains("Open on Mondays.", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose")!.Text());

        using var saved = await editor.SubmitFormAsync(EditUrl(id),
            Html.Values(("Input.Title", "Food bank hours"), ("Input.Body", "Open on **Mondays and Thursdays**.")), submitter: SaveButton);

        Assert.Equal(EditUrl(id), saved.LandedOn());
        Assert.Contains("Saved. The public page shows it now.", (await saved.ReadDocumentAsync()).Status());
        var page = await _visitor.GetDocumentAsync("/" + slug);
        Assert.Equal("Food bank hours", page.QuerySelector("h1")!.Text());
        Assert.Equal("Mondays and Thursdays", page.QuerySelector(".prose strong")!.Text());
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "page:" + slug && e.Action == AuditActions.PageEdited);
    }

    [Fact]
    public async Task Unpublishing_MakesThePublicPageGoAway()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("unpublish");
        var (id, _) = await CreatePageAsync(editor, "Old appeal", slug, "Closed.", publish: true);
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/" + slug)).StatusCode);

        using var response = await editor.SubmitFormAsync(EditUrl(id), submitter: UnpublishButton);

        Assert.Contains("Unpublished.", (await response.ReadDocumentAsync()).Status());
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/" + slug)).StatusCode);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "page:" + slug && e.Action == AuditActions.PageUnpublished);
        Assert.DoesNotContain("/" + slug, await _visitor.GetStringAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task ChangingTheSlug_MovesThePublicPage()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("moving");
        var newSlug = NewSlug("moved");
        var (id, _) = await CreatePageAsync(editor, "Moving page", slug, "Here.", publish: true);
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/" + slug)).StatusCode);

        using var saved = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Slug", newSlug)), submitter: SaveButton);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/" + slug)).StatusCode);
        Assert.Equal("Moving page", (await _visitor.GetDocumentAsync("/" + newSlug)).QuerySelector("h1")!.Text());
        var edited = Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "page:" + newSlug && e.Action == AuditActions.PageEdited);
        Assert.Equal($"slug changed from {slug}", edited.Details);
    }

    [Fact]
    public async Task EverySave_AddsARevision_ListedInTheHistory()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("history");
        var (id, _) = await CreatePageAsync(editor, "Revisions", slug, "First text.", publish: false);
        await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "Second text.")), submitter: SaveButton);
        await editor.SubmitFormAsync(EditUrl(id), submitter: PublishButton);
        await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "Third text.")), submitter: SaveButton);

        var history = await editor.GetDocumentAsync(HistoryUrl(id));

        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.Text()).ToList()).ToList();
        Assert.Equal(["4", "3", "2", "1"], rows.Select(r => r[0]));
        Assert.Equal(["Edited", "Published", "Edited", "Created as draft"], rows.Select(r => r[3]));
        Assert.All(rows, r => Assert.Equal(email, r[2]));
        Assert.Equal(4, await RevisionCountAsync(id));
        // By default it shows what the latest save changed.
        Assert.Equal(["Third text."], history.QuerySelectorAll(".diff .added").Select(DiffText));
        Assert.Equal(["Second text."], history.QuerySelectorAll(".diff .removed").Select(DiffText));
    }

    [Fact]
    public async Task SavingWithoutAChange_AddsNoRevision()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, _) = await CreatePageAsync(editor, "Unchanged", NewSlug("same"), "Same text.", publish: false);

        await editor.SubmitFormAsync(EditUrl(id), submitter: SaveButton);

        Assert.Equal(1, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task ComparingTwoRevisions_ShowsTheChangedLines()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, _) = await CreatePageAsync(editor, "Diffed", NewSlug("diff"), "line one\nline two\nline three", publish: false);
        await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "line one\nline 2\nline three\nline four")), submitter: SaveButton);
        await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Title", "Diffed again")), submitter: SaveButton);

        var compared = await editor.GetDocumentAsync(HistoryUrl(id) + "?from=1&to=2");

        Assert.Equal(["line two"], compared.QuerySelectorAll(".diff .removed").Select(DiffText));
        Assert.Equal(["line 2", "line four"], compared.QuerySelectorAll(".diff .added").Select(DiffText));
        Assert.Contains("line one", compared.QuerySelector(".diff")!.Text());
        Assert.Contains("Changes from revision 1 to 2", compared.QuerySelector("main")!.Text());

        // Revisions 2 and 3 differ only in the title.
        var titleOnly = await editor.GetDocumentAsync(HistoryUrl(id) + "?from=3&to=2");
        Assert.Empty(titleOnly.QuerySelectorAll(".diff .added, .diff .removed"));
        Assert.Equal("Diffed", titleOnly.QuerySelector("main del")!.Text());
        Assert.Equal("Diffed again", titleOnly.QuerySelector("main ins")!.Text());
    }

    [Fact]
    public async Task RestoringAnOldRevision_MakesItsTextCurrent_AsANewRevision()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("restore");
        var (id, _) = await CreatePageAsync(editor, "Restorable", slug, "The **original** text.", publish: true);
        await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Title", "Rewritten"), ("Input.Body", "A worse text.")), submitter: SaveButton);
        Assert.Equal("Rewritten", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector("h1")!.Text());

        var history = await editor.GetDocumentAsync(HistoryUrl(id));
        var restoreForms = history.QuerySelectorAll("form[action*='handler=Restore']").OfType<IHtmlFormElement>().ToList();
        // The newest revision is the current text: it has nothing to restore.
        Assert.Equal(["1"], restoreForms.Select(f => f.QuerySelector("input[name=number]")!.GetAttribute("value")));
        // The page is published: the first press asks what kind of change this is, and restores nothing yet.
        using (var asked = await editor.SubmitAsync(restoreForms[0], HistoryUrl(id)))
        {
            var confirm = (await asked.ReadDocumentAsync()).QuerySelector("section.restore-confirm")!;
            Assert.Contains("readers see revision 1's words at once", confirm.Text());
            Assert.NotNull(confirm.QuerySelector("input[name='Restore.IsMajorChange'][value='true']"));
            Assert.Equal("Rewritten", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector("h1")!.Text());
        }
        using var restored = await editor.RestoreRevisionAsync(HistoryUrl(id), 1);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var after = await restored.ReadDocumentAsync();
        Assert.Contains("Revision 1 is restored as the newest revision. Readers see it now.", after.Status());
        Assert.Equal(["3", "2", "1"], after.QuerySelectorAll("tbody tr th").Select(c => c.Text()));
        Assert.Equal("Restored revision 1", after.QuerySelector("tbody tr td:nth-of-type(3)")!.Text());
        var page = await _visitor.GetDocumentAsync("/" + slug);
        Assert.Equal("Restorable", page.QuerySelector("h1")!.Text());
        Assert.Equal("original", page.QuerySelector(".prose strong")!.Text());
        var form = await editor.GetDocumentAsync(EditUrl(id));
        Assert.Equal("The **original** text.", form.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "page:" + slug && e.Action == AuditActions.PageRestored);
        Assert.Equal(email, audit.ActorName);
        Assert.Equal("revision 1", audit.Details);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("setup")]
    [InlineData("join")]
    [InlineData("faq")]
    [InlineData("testimonials")]
    [InlineData("healthz")]
    [InlineData("sitemap")]
    [InlineData("account")]
    [InlineData("error")]
    [InlineData("home")]
    public async Task AReservedSlug_IsRefusedBesideTheSlugField_AndNothingIsSaved(string slug)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = "Reserved " + Guid.NewGuid().ToString("N");

        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", slug), ("Input.Body", "x")), submitter: PublishButton);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal($"\"{slug}\" is used by the site itself. Choose another slug.", page.FieldError("Input.Slug"));
        Assert.Equal(title, page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.False(await PageWithTitleExistsAsync(title));
    }

    [Theory]
    [InlineData("sitemap.xml")]
    [InlineData("robots.txt")]
    [InlineData("favicon.ico")]
    public async Task AReservedFileName_IsRefusedBesideTheSlugField_AndNothingIsSaved(string slug)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = "Reserved file " + Guid.NewGuid().ToString("N");

        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", slug), ("Input.Body", "x")), submitter: PublishButton);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadDocumentAsync()).FieldError("Input.Slug"));
        Assert.False(await PageWithTitleExistsAsync(title));
    }

    [Theory]
    [InlineData("Hello World")]
    [InlineData("a--b")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("Capital")]
    [InlineData("ünïcode")]
    public async Task ABadlyFormedSlug_IsRefusedBesideTheSlugField_AndNothingIsSaved(string slug)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = "Bad slug " + Guid.NewGuid().ToString("N");

        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", slug), ("Input.Body", "x")), submitter: DraftButton);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Use lowercase letters, digits and single hyphens only (for example: our-work).", (await response.ReadDocumentAsync()).FieldError("Input.Slug"));
        Assert.False(await PageWithTitleExistsAsync(title));
    }

    [Fact]
    public async Task ASlugAnotherPageUses_IsRefused_OnCreateAndOnEdit()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = "Taken " + Guid.NewGuid().ToString("N");

        using var created = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", "statement"), ("Input.Body", "x")), submitter: DraftButton);

        Assert.Equal("Another page already uses this slug.", (await created.ReadDocumentAsync()).FieldError("Input.Slug"));
        Assert.False(await PageWithTitleExistsAsync(title));

        var slug = NewSlug("own");
        var (id, _) = await CreatePageAsync(editor, "Own slug", slug, "Mine.", publish: false);
        using var edited = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Slug", "history"), ("Input.Title", "Changed title")), submitter: SaveButton);

        Assert.Equal("Another page already uses this slug.", (await edited.ReadDocumentAsync()).FieldError("Input.Slug"));
        var stored = await StoredPageAsync(id);
        Assert.Equal((slug, "Own slug"), (stored.Address, stored.Title));
        Assert.Equal(1, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task AnOverLongTitle_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("long");

        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", new string('t', 201)), ("Input.Slug", slug), ("Input.Body", "x")), submitter: PublishButton);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("The title must be at most 200 characters.", page.FieldError("Input.Title"));
        Assert.Contains("The title must be at most 200 characters.", page.ErrorSummary());
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.AnyAsync(p => p.Slug == slug)));
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/" + slug)).StatusCode);

        // 200 characters are fine.
        var (id, _) = await CreatePageAsync(editor, new string('t', 200), slug, "x", publish: false);
        Assert.Equal(200, (await StoredPageAsync(id)).Title.Length);
    }

    [Fact]
    public async Task Preview_ShowsTheUnsavedTextInThePublicLayout_AndSavesNothing()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("preview");
        var (id, _) = await CreatePageAsync(editor, "Before preview", slug, "Saved text.", publish: true);
        var auditBefore = (await factory.AuditEntriesAsync()).Count;

        using var response = await editor.SubmitFormAsync(EditUrl(id),
            Html.Values(("Input.Title", "Previewed title"), ("Input.Body", "## Plans\n\nUnsaved **bold** words.")), submitter: PreviewButton);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin/pages/preview", response.LandedOn());
        var preview = await response.ReadDocumentAsync();
        Assert.Equal("Previewed title", preview.QuerySelector("article h1")!.Text());
        Assert.Equal("Plans", preview.QuerySelector(".prose h2")!.Text());
        Assert.Equal("bold", preview.QuerySelector(".prose strong")!.Text());
        Assert.Contains("Preview: not saved.", preview.QuerySelector("main .status")!.Text());
        // The public layout: the site's navigation and footer, not the admin's.
        Assert.Equal(["Statement", "Updates", "FAQ", "History", "Testimonials", "Join"], preview.QuerySelectorAll("header nav.site-nav a").Select(a => a.Text()));
        Assert.NotNull(preview.QuerySelector("footer"));
        Assert.Null(preview.QuerySelector("nav.admin-nav"));
        Assert.Equal("noindex", preview.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        var stored = await StoredPageAsync(id);
        Assert.Equal(("Before preview", "Saved text."), (stored.Title, stored.Body));
        Assert.Equal(1, await RevisionCountAsync(id));
        Assert.Equal(auditBefore, (await factory.AuditEntriesAsync()).Count);
        Assert.Equal("Before preview", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task TwoEditorsOnOnePage_TheSecondSaveShowsTheConflict_AndSavesNothing_UntilSavedAgain()
    {
        var (first, firstEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var (second, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("conflict");
        var (id, _) = await CreatePageAsync(first, "Shared page", slug, "line a\nline b\nline c", publish: true);
        var firstForm = await first.GetDocumentAsync(EditUrl(id));
        var secondForm = await second.GetDocumentAsync(EditUrl(id));
        Assert.Equal(
            firstForm.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"),
            secondForm.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));

        using var firstSave = await first.SubmitAsync(firstForm.Form(), EditUrl(id), Html.Values(("Input.Body", "line a\nline B by the first\nline c")), SaveButton);
        Assert.Contains("Saved.", (await firstSave.ReadDocumentAsync()).Status());
        using var secondSave = await second.SubmitAsync(secondForm.Form(), EditUrl(id),
            Html.Values(("Input.Title", "Second's title"), ("Input.Body", "line a\nline b\nline c\nline d by the second")), SaveButton);

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var conflict = await secondSave.ReadDocumentAsync();
        Assert.Contains($"{firstEmail} saved this page at", conflict.ErrorSummary());
        Assert.Contains("Nothing of yours was saved yet", conflict.ErrorSummary());
        var section = conflict.QuerySelector("section.conflict")!;
        Assert.Contains(firstEmail, section.QuerySelector("h2")!.Text());
        Assert.Contains("Shared page", section.Text());
        Assert.Contains("line B by the first", section.QuerySelector("pre")!.Text());
        Assert.Equal(["line B by the first"], section.QuerySelectorAll(".diff .removed").Select(DiffText));
        Assert.Equal(["line b", "line d by the second"], section.QuerySelectorAll(".diff .added").Select(DiffText));
        // The second editor's text is still in the form.
        Assert.Equal("Second's title", conflict.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Contains("line d by the second", conflict.QuerySelector("textarea[name='Input.Body']")!.TextContent);

        var stored = await StoredPageAsync(id);
        Assert.Equal(("Shared page", "line a\nline B by the first\nline c"), (stored.Title, stored.Body));
        Assert.Equal(2, await RevisionCountAsync(id));
        Assert.Contains("line B by the first", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose")!.Text());

        // Saving again from there replaces the first editor's text, knowingly.
        using var again = await second.SubmitAsync(conflict.Form("main form.form"), secondSave.LandedOn(), submitter: SaveButton);

        Assert.Equal(EditUrl(id), again.LandedOn());
        Assert.Contains("Saved.", (await again.ReadDocumentAsync()).Status());
        stored = await StoredPageAsync(id);
        Assert.Equal(("Second's title", "line a\nline b\nline c\nline d by the second"), (stored.Title, stored.Body));
        Assert.Equal(3, await RevisionCountAsync(id));
        Assert.Equal("Second's title", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task TheHomePage_CanBeEdited_AndTheHomePageShowsIt()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Slug == "home").Select(p => p.Id).SingleAsync());
        var list = await editor.GetDocumentAsync("/admin/pages");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), r => r.Text().Contains("/ (home page)") && r.QuerySelector($"a[href='{EditUrl(id)}']") is not null);

        using var saved = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.Body", "A new **welcome** for the home page.")), submitter: SaveButton);

        var page = await saved.ReadDocumentAsync();
        Assert.Null(page.FieldError("Input.Slug"));
        Assert.Equal(EditUrl(id), saved.LandedOn());
        Assert.Contains("Saved. The public page shows it now.", page.Status());
        Assert.Equal("welcome", (await _visitor.GetDocumentAsync("/")).QuerySelector(".hero .prose strong")!.Text());
        Assert.Equal(2, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task EditingAPageThatDoesNotExist_IsNotFound()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/pages/edit/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/pages/history/987654")).StatusCode);
    }

    private static string EditUrl(int id) => $"/admin/pages/edit/{id}";

    private static string HistoryUrl(int id) => $"/admin/pages/history/{id}";

    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>The line's text without the +/− marker and the words for screen readers.</summary>
    private static string DiffText(AngleSharp.Dom.IElement line)
    {
        var copy = (AngleSharp.Dom.IElement)line.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".marker, .visually-hidden").ToList()) hidden.Remove();
        return copy.Text();
    }

    /// <summary>Creates a page through the form; returns its id and the editor page the save led to.</summary>
    private static async Task<(int Id, IHtmlDocument EditPage)> CreatePageAsync(HttpClient client, string title, string slug, string body, bool publish)
    {
        using var response = await client.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", slug), ("Input.Summary", "Summary of " + title), ("Input.Body", body)),
            submitter: publish ? PublishButton : DraftButton);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/admin/pages/edit/", landed);
        return (AdminSite.IdFrom(landed), await response.ReadDocumentAsync());
    }

    private async Task<StoredText> StoredPageAsync(int id) => (await factory.PageAsync(id))!;

    private async Task<int> RevisionCountAsync(int id) => (await factory.PageAsync(id))!.Revisions;

    private async Task<bool> PageWithTitleExistsAsync(string title) => await factory.ItemWithTitleAsync(TextKinds.Page, title) is not null;
}
