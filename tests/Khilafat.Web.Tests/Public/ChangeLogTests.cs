using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Tests.Public;

/// <summary>
/// The public record of the official texts (issue 20), as readers and editors see it: the list of published versions,
/// each version at its own address, the word-level comparison, the last-changed line, the Atom feed of major changes,
/// and the notice on a translation made from an English text whose meaning has changed since. Each test makes its own
/// pages (with their public history shown) at new addresses, so the tests do not depend on one another.
/// </summary>
public class ChangeLogTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string SaveButton = "button[formaction*='handler=Save']";
    private const string PublishButton = "button[formaction*='handler=Publish']";
    private const string DraftButton = "button[formaction*='handler=Draft']";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task PublishingAMinorThenAMajorVersion_ListsThemNewestFirst_WithDatesAndTheNote()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("listed");
        var id = await CreatePageAsync(editor, "Our aims", slug, "We ask for peace.");
        await PublishChangeAsync(editor, id, "We ask for peace, now.", major: false);
        await PublishChangeAsync(editor, id, "We ask for peace and justice.", major: true, note: "Justice added to our aims");
        var today = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var changes = await _visitor.GetDocumentAsync($"/{slug}/changes");

        var rows = changes.QuerySelectorAll("table.versions tbody tr");
        Assert.Equal(["Version 3", "Version 2", "Version 1"], rows.Select(r => r.QuerySelector("th")!.Text()));
        Assert.Equal(["Major change: Justice added to our aims", "Minor change", "First published"], rows.Select(r => r.QuerySelector("td:nth-of-type(2)")!.Text()));
        Assert.Equal([$"/{slug}/versions/3", $"/{slug}/versions/2", $"/{slug}/versions/1"], rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")));
        Assert.All(rows, r => Assert.Equal(today, r.QuerySelector("td time")!.GetAttribute("datetime")));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.QuerySelector("td time")!.Text())));
        Assert.Contains("Our aims", changes.QuerySelector("h1")!.Text());
        Assert.Equal("/" + slug, changes.QuerySelector("h1 a")!.GetAttribute("href"));

        // The page itself says when it last changed, and why, and links to the list.
        var current = await _visitor.GetDocumentAsync("/" + slug);
        var lastChanged = current.QuerySelector(".last-changed")!;
        Assert.Contains("Last changed on", lastChanged.Text());
        Assert.Contains("(Justice added to our aims)", lastChanged.Text());
        Assert.Equal($"/{slug}/changes", lastChanged.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AMajorChangeWithoutANote_IsRefusedBesideTheNoteField_AndNothingIsPublished()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("no-note");
        var id = await CreatePageAsync(editor, "Our method", slug, "Peaceful advocacy only.");
        var before = (await factory.PageAsync(id))!;

        using var refused = await editor.SubmitFormAsync(EditUrl(id),
            Html.Values(("Input.Body", "Something quite different."), ("Input.IsMajorChange", "true"), ("Input.ChangeNote", "")), submitter: SaveButton);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await refused.ReadDocumentAsync();
        Assert.Contains("a major change needs a note", form.FieldError("Input.ChangeNote"));
        Assert.Equal("Something quite different.", form.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal("true", form.QuerySelector("input[name='Input.IsMajorChange']:checked")!.GetAttribute("value"));
        Assert.Equal("Peaceful advocacy only.", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose")!.Text());
        var after = (await factory.PageAsync(id))!;
        Assert.Equal((before.Body, before.PublishedBody, before.Revisions, before.Version), (after.Body, after.PublishedBody, after.Revisions, after.Version));
        Assert.Single((await _visitor.GetDocumentAsync($"/{slug}/changes")).QuerySelectorAll("table.versions tbody tr"));
    }

    [Fact]
    public async Task AnOldVersion_ShowsItsTextExactly_MarkedAsNotCurrent_NoindexWithACanonicalToTheCurrentPage()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("old-version");
        var id = await CreatePageAsync(editor, "The first title", slug, "The **first** wording of our call.");
        await PublishChangeAsync(editor, id, "The second wording.", major: true, note: "Reworded", title: "The second title");

        var old = await _visitor.GetDocumentAsync($"/{slug}/versions/1");

        Assert.Equal("The first title", old.QuerySelector("main h1")!.Text());
        Assert.Equal("The first wording of our call.", old.QuerySelector("main .prose")!.Text());
        Assert.Equal("first", old.QuerySelector("main .prose strong")!.Text());
        var notice = old.QuerySelector("main .notice")!.Text();
        Assert.Contains("This is version 1 of 2", notice);
        Assert.Contains("It is not the current text.", notice);
        Assert.Equal("/" + slug, old.QuerySelector("main .notice a")!.GetAttribute("href"));
        Assert.Equal("noindex", old.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        var canonical = Assert.Single(old.QuerySelectorAll("link[rel='canonical']")).GetAttribute("href")!;
        Assert.True(Uri.TryCreate(canonical, UriKind.Absolute, out var canonicalUri), canonical);
        Assert.Equal("/" + slug, canonicalUri!.AbsolutePath);
        var current = await _visitor.GetDocumentAsync("/" + slug);
        Assert.Equal(current.QuerySelector("link[rel='canonical']")!.GetAttribute("href"), canonical);

        var latest = await _visitor.GetDocumentAsync($"/{slug}/versions/2");
        Assert.Equal(("The second title", "The second wording."), (latest.QuerySelector("main h1")!.Text(), latest.QuerySelector("main .prose")!.Text()));
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/versions/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/versions/0")).StatusCode);
    }

    [Fact]
    public async Task ComparingTwoVersions_MarksRemovedAndAddedWords_InTextAsWellAsMarkup()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("compare");
        var id = await CreatePageAsync(editor, "Vigil", slug, "The vigil is on Friday at six.");
        await PublishChangeAsync(editor, id, "The vigil is on Saturday at six.", major: true, note: "New day");

        var compared = await _visitor.GetDocumentAsync($"/{slug}/changes?from=1&to=2");

        var section = compared.QuerySelector("section[aria-labelledby='comparison-heading']")!;
        Assert.Contains("Changes from version 1 to version 2", section.QuerySelector("h2")!.Text());
        var removed = Assert.Single(section.QuerySelectorAll("del"));
        var added = Assert.Single(section.QuerySelectorAll("ins"));
        Assert.Contains("Friday", removed.Text());
        Assert.DoesNotContain("Saturday", removed.Text());
        Assert.StartsWith("[Removed:", removed.QuerySelector(".diff-label")!.Text());
        Assert.Contains("Saturday", added.Text());
        Assert.DoesNotContain("Friday", added.Text());
        Assert.StartsWith("[Added:", added.QuerySelector(".diff-label")!.Text());
        Assert.Contains("The vigil is on", section.Text());
        // Read as one sentence: the paragraph keeps white space as it is, and holds none but the text's own.
        Assert.Equal("The vigil is on [Removed: Friday][Added: Saturday] at six.", section.QuerySelectorAll(".word-diff").Single(p => p.TextContent.Contains("vigil is")).TextContent);

        // Each language numbers its own versions: the language switcher leads to the list of that language's, which answers.
        var switcher = compared.QuerySelector(".language-switcher")!;
        Assert.Equal($"/ar/{slug}/changes", switcher.QuerySelector("a[hreflang='ar']")!.GetAttribute("href"));
        Assert.Equal($"/{slug}/changes?from=1&to=2", switcher.QuerySelector("a[hreflang='en']")!.GetAttribute("href"));
        var version = await _visitor.GetDocumentAsync($"/{slug}/versions/2");
        Assert.Equal($"/ur/{slug}/changes", version.QuerySelector(".footer-languages a[hreflang='ur']")!.GetAttribute("href"));
        foreach (var href in new[] { $"/ar/{slug}/changes", $"/ur/{slug}/changes" })
            Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync(href)).StatusCode);

        // The same two versions asked for the other way round are compared older to newer.
        var reversed = await _visitor.GetDocumentAsync($"/{slug}/changes?from=2&to=1");
        Assert.Contains("Friday", reversed.QuerySelector("section del")!.Text());
        Assert.Contains("Saturday", reversed.QuerySelector("section ins")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/changes?from=1&to=9")).StatusCode);
    }

    [Fact]
    public async Task NothingFromADraft_NorAnyEditorsEmail_AppearsOnAnyPublicPage()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("no-leak");
        var marker = "zqmarker" + Guid.NewGuid().ToString("N")[..10];
        var id = await CreatePageAsync(editor, "Open letter", slug, "Dear friends.");
        await PublishChangeAsync(editor, id, "Dear friends and neighbours.", major: true, note: "Addressed to neighbours too");
        await PublishChangeAsync(editor, id, "Dear friends and neighbours!", major: false);

        using var drafted = await editor.SubmitFormAsync(EditUrl(id),
            Html.Values(("Input.Title", "Open letter " + marker), ("Input.Summary", marker), ("Input.Body", "Dear " + marker),
                ("Input.IsMajorChange", "true"), ("Input.ChangeNote", "note " + marker)), submitter: DraftButton);
        Assert.Contains("Draft saved.", (await drafted.ReadDocumentAsync()).Status());
        Assert.Contains(marker, (await factory.PageAsync(id))!.Body);

        var versions = (await _visitor.GetDocumentAsync($"/{slug}/changes")).QuerySelectorAll("table.versions tbody tr th a")
            .Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal([$"/{slug}/versions/3", $"/{slug}/versions/2", $"/{slug}/versions/1"], versions);
        var paths = new List<string> { "/" + slug, $"/{slug}/changes", $"/{slug}/changes?from=1&to=3", "/changes/feed.atom", "/statement", "/statement/changes" };
        paths.AddRange(versions);
        foreach (var path in paths.ToList())
        {
            paths.Add("/ar" + path);
            paths.Add("/ur" + path);
        }

        foreach (var path in paths)
        {
            using var response = await _visitor.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
            Assert.False(text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"The draft's marker is on {path}");
            Assert.False(text.Contains(email, StringComparison.OrdinalIgnoreCase), $"The editor's email is on {path}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/versions/4")).StatusCode);
    }

    [Fact]
    public async Task ATranslationBehindAMajorEnglishChange_IsFlaggedToReadersAndEditors_UntilItIsRepublished()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("outdated");
        var title = "Call for calm " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreatePageAsync(editor, title, slug, "Stay calm and peaceful.");
        var translateUrl = $"/admin/pages/translate/{id}/ur";
        using (var published = await editor.SubmitFormAsync(translateUrl, Html.Values(("Input.Title", "پرسکون رہنے کی اپیل"), ("Input.Body", "پرسکون اور پرامن رہیں۔")), submitter: PublishButton))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }
        Assert.Null(OutdatedNotice(await _visitor.GetDocumentAsync("/ur/" + slug)));

        // A minor English change leaves the translation as good as it was.
        await PublishChangeAsync(editor, id, "Stay calm, and peaceful.", major: false);
        Assert.Null(OutdatedNotice(await _visitor.GetDocumentAsync("/ur/" + slug)));
        Assert.Null(DashboardItem(await editor.GetDocumentAsync("/admin"), id));
        Assert.Null((await editor.GetDocumentAsync(translateUrl)).QuerySelector("#outdated-heading"));

        await PublishChangeAsync(editor, id, "Stay calm, peaceful and united.", major: true, note: "Unity added");

        var urdu = await _visitor.GetDocumentAsync("/ur/" + slug);
        Assert.Equal("پرسکون اور پرامن رہیں۔", urdu.QuerySelector(".prose")!.Text());
        var notice = OutdatedNotice(urdu);
        Assert.NotNull(notice);
        Assert.Contains(InUrdu("This translation is of an earlier version of the English text (version {0} of {1}).", 1, 3), notice.Text());
        Assert.Equal("/" + slug, notice.QuerySelector("a[hreflang='en']")!.GetAttribute("href"));
        var listed = DashboardItem(await editor.GetDocumentAsync("/admin"), id);
        Assert.NotNull(listed);
        Assert.Contains(title, listed.Text());
        Assert.Contains("made from version 1, the English is at version 3", listed.Text());
        var translator = await editor.GetDocumentAsync(translateUrl);
        var editorNotice = translator.QuerySelector("section:has(#outdated-heading)")!;
        Assert.Contains("made from version 1 of the English text; it is at version 3 now", editorNotice.Text());
        Assert.Contains("united", editorNotice.Text());

        using (var republished = await editor.SubmitAsync(translator.Form("section.translation form"), translateUrl,
                   Html.Values(("Input.Body", "پرسکون، پرامن اور متحد رہیں۔")), submitter: SaveButton))
        {
            Assert.Equal(HttpStatusCode.OK, republished.StatusCode);
        }

        var updated = await _visitor.GetDocumentAsync("/ur/" + slug);
        Assert.Equal("پرسکون، پرامن اور متحد رہیں۔", updated.QuerySelector(".prose")!.Text());
        Assert.Null(OutdatedNotice(updated));
        Assert.Null(DashboardItem(await editor.GetDocumentAsync("/admin"), id));
        Assert.Null((await editor.GetDocumentAsync(translateUrl)).QuerySelector("#outdated-heading"));
    }

    [Fact]
    public async Task ATranslationPublishedBeforeItsEnglish_IsStillFlagged_WhenTheEnglishLaterChangesMajorly()
    {
        // The editors' pages invite this order ("a translation you publish now appears with it"): the translation was
        // stored as made from no English version, and no major change was ever held against it.
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("translated-first");
        using (var draft = await editor.SubmitFormAsync("/admin/pages/create",
                   Html.Values(("Input.Title", "Vigil"), ("Input.Slug", slug), ("Input.Body", "The vigil is at 6pm."), ("Input.HasPublicHistory", "true")), submitter: DraftButton))
        {
            Assert.StartsWith("/admin/pages/edit/", draft.LandedOn());
            var id = AdminSite.IdFrom(draft.LandedOn());
            using (await editor.SubmitFormAsync($"/admin/pages/translate/{id}/ar", Html.Values(("Input.Title", "وقفة"), ("Input.Body", "الوقفة في السادسة مساءً.")), submitter: PublishButton)) { }
            using (await editor.SubmitFormAsync(EditUrl(id), submitter: PublishButton)) { }
            Assert.Null(OutdatedNotice(await _visitor.GetDocumentAsync("/ar/" + slug)));

            await PublishChangeAsync(editor, id, "The vigil is at 7pm.", major: true, note: "New time");

            Assert.NotNull(OutdatedNotice(await _visitor.GetDocumentAsync("/ar/" + slug)));
            Assert.Contains("made from version 1, the English is at version 2", DashboardItem(await editor.GetDocumentAsync("/admin"), id, "ar")?.Text());
        }
    }

    [Fact]
    public async Task RestoringAVersionThatUndoesAMajorChange_IsPublishedAsMajor_WithTheEditorsNote()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("undo-major");
        var id = await CreatePageAsync(editor, "Appeal", slug, "We ask for calm.");
        await PublishChangeAsync(editor, id, "We ask for calm and for a boycott.", major: true, note: "Boycott added");
        var history = $"/admin/pages/history/{id}";

        // A major change needs its note, here as in the editor; what was chosen is kept.
        using (var noNote = await editor.RestoreRevisionAsync(history, 1, major: true))
        {
            var asked = await noNote.ReadDocumentAsync();
            Assert.Equal("Say in one line what changed, for readers: a major change needs a note.", asked.FieldError("Restore.ChangeNote"));
            Assert.NotNull(asked.QuerySelector("form.restore-confirm input[name='Restore.IsMajorChange'][value='true'][checked]"));
            Assert.Contains("boycott", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose")!.Text());
        }
        using var restored = await editor.RestoreRevisionAsync(history, 1, major: true, note: "Boycott withdrawn");

        Assert.Contains("Revision 1 is restored", (await restored.ReadDocumentAsync()).Status());
        Assert.Equal("We ask for calm.", (await _visitor.GetDocumentAsync("/" + slug)).QuerySelector(".prose")!.Text());
        var changes = (await _visitor.GetDocumentAsync($"/{slug}/changes")).QuerySelector("table.versions tbody tr")!.Text();
        Assert.Contains("Boycott withdrawn", changes);
    }

    [Fact]
    public async Task RestoringAnOldRevisionOfATranslation_DoesNotVouchForIt_TheNoticeStays()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("restored-translation");
        var id = await CreatePageAsync(editor, "Relief", slug, "Give to registered charities.");
        var translateUrl = $"/admin/pages/translate/{id}/ar";
        using (await editor.SubmitFormAsync(translateUrl, Html.Values(("Input.Title", "الإغاثة"), ("Input.Body", "تبرعوا للجمعيات المسجلة.")), submitter: PublishButton)) { }
        await PublishChangeAsync(editor, id, "Give to registered charities, and volunteer.", major: true, note: "Volunteering");
        using (await editor.SubmitFormAsync(translateUrl, Html.Values(("Input.Body", "مسودة.")), submitter: DraftButton)) { }
        Assert.NotNull(OutdatedNotice(await _visitor.GetDocumentAsync("/ar/" + slug)));

        // Bringing the first Arabic text back is not a translation of the English as it is now: it stays flagged.
        using var restored = await editor.RestoreRevisionAsync($"/admin/pages/history/{id}?culture=ar", 1);

        Assert.Contains("Revision 1 is restored", (await restored.ReadDocumentAsync()).Status());
        var arabic = await _visitor.GetDocumentAsync("/ar/" + slug);
        Assert.Equal("تبرعوا للجمعيات المسجلة.", arabic.QuerySelector(".prose")!.Text());
        Assert.NotNull(OutdatedNotice(arabic));
        Assert.NotNull(DashboardItem(await editor.GetDocumentAsync("/admin"), id, "ar"));
    }

    [Fact]
    public async Task ATranslatorWhoFindsTheTranslationStillRight_ClearsTheNotice_ByPublishingItAgainUnchanged()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("still-right");
        var id = await CreatePageAsync(editor, "Contact", slug, "Write to us.");
        var translateUrl = $"/admin/pages/translate/{id}/ar";
        using (await editor.SubmitFormAsync(translateUrl, Html.Values(("Input.Title", "اتصل بنا"), ("Input.Body", "اكتبوا إلينا.")), submitter: PublishButton)) { }
        await PublishChangeAsync(editor, id, "Write to us by post.", major: true, note: "By post");
        Assert.NotNull(OutdatedNotice(await _visitor.GetDocumentAsync("/ar/" + slug)));

        using var confirmed = await editor.SubmitFormAsync(translateUrl, submitter: SaveButton);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Null((await confirmed.ReadDocumentAsync()).QuerySelector("#outdated-heading"));
        Assert.Null(OutdatedNotice(await _visitor.GetDocumentAsync("/ar/" + slug)));
        Assert.Null(DashboardItem(await editor.GetDocumentAsync("/admin"), id, "ar"));
        // Nothing changed for Arabic readers, so there is no new Arabic version.
        Assert.Single((await _visitor.GetDocumentAsync($"/ar/{slug}/changes")).QuerySelectorAll("table.versions tbody tr"));
    }

    [Fact]
    public async Task AnUnpublishedPage_ShowsNoVersions_AndLeavesTheFeed()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("withdrawn");
        var id = await CreatePageAsync(editor, "Withdrawn appeal", slug, "Please give.");
        await PublishChangeAsync(editor, id, "Please give generously.", major: true, note: "Generously");
        Assert.Contains(FeedEntries(await _visitor.GetStringAsync("/changes/feed.atom")), e => AlternateLink(e).AbsolutePath == $"/{slug}/versions/2");

        using (await editor.SubmitFormAsync(EditUrl(id), submitter: "button[formaction*='handler=Unpublish']")) { }

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/" + slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/versions/2")).StatusCode);
        Assert.DoesNotContain(FeedEntries(await _visitor.GetStringAsync("/changes/feed.atom")), e => AlternateLink(e).AbsolutePath.StartsWith($"/{slug}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APublishedArabicTranslation_HasItsOwnVersions_ShownInArabic()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("own-versions");
        var id = await CreatePageAsync(editor, "Peace", slug, "We want peace.");
        var translateUrl = $"/admin/pages/translate/{id}/ar";
        using (await editor.SubmitFormAsync(translateUrl, Html.Values(("Input.Title", "السلام"), ("Input.Body", "نريد السلام.")), submitter: PublishButton)) { }
        using (await editor.SubmitFormAsync(translateUrl, Html.Values(("Input.Body", "نريد السلام الدائم."), ("Input.IsMajorChange", "true"), ("Input.ChangeNote", "دائم")), submitter: SaveButton)) { }

        var changes = await _visitor.GetDocumentAsync($"/ar/{slug}/changes?from=1&to=2");

        Assert.Equal([In("ar", "Major change") + ": دائم", In("ar", "First published")],
            changes.QuerySelectorAll("table.versions tbody tr td:nth-of-type(2)").Select(td => td.Text()));
        Assert.Contains("الدائم", changes.QuerySelector("section ins")!.Text());
        var first = await _visitor.GetDocumentAsync($"/ar/{slug}/versions/1");
        Assert.Equal(("السلام", "نريد السلام."), (first.QuerySelector("main h1")!.Text(), first.QuerySelector("main .prose")!.Text()));
        Assert.Equal("/ar/" + slug, new Uri(first.QuerySelector("link[rel='canonical']")!.GetAttribute("href")!).AbsolutePath);
        // The English keeps its own single version.
        Assert.Single((await _visitor.GetDocumentAsync($"/{slug}/changes")).QuerySelectorAll("table.versions tbody tr"));
    }

    [Theory]
    [InlineData("", "en")]
    [InlineData("/ar", "ar")]
    public async Task TheFeed_IsAtom_WithAnEntryPerMajorChange_AndNoMinorOnes(string prefix, string language)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("feed");
        var id = await CreatePageAsync(editor, "Appeal " + language, slug, "Help the families.");
        await PublishChangeAsync(editor, id, "Help the families now.", major: false);
        await PublishChangeAsync(editor, id, "Help the families and the schools.", major: true, note: "Schools added");

        using var response = await _visitor.GetAsync(prefix + "/changes/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(language, feed.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "id")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")?.Value));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")?.Value, CultureInfo.InvariantCulture, out _));
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value;
        Assert.Equal(prefix + "/changes/feed.atom", new Uri(self, UriKind.Absolute).AbsolutePath);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.All(entries, e => Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")?.Value, CultureInfo.InvariantCulture, out _)));
        // The page is not translated: its English change is in every language's feed, in English, at the English
        // version's address (which a later translation's own versions can never take).
        var ours = entries.Where(e => AlternateLink(e).AbsolutePath.StartsWith($"/{slug}/", StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(ours);
        Assert.Equal($"/{slug}/versions/3", AlternateLink(entry).AbsolutePath);
        Assert.Equal(language == "en" ? null : "en", entry.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Contains("Schools added", entry.Element(Atom + "title")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "id")!.Value));

        // The feed is announced on every public page, in the page's language.
        foreach (var path in new[] { "/", "/statement", "/faq", "/" + slug, $"/{slug}/changes", $"/{slug}/versions/1" })
        {
            var page = await _visitor.GetDocumentAsync(prefix + path);
            var link = page.QuerySelector("link[rel='alternate'][type='application/atom+xml']");
            Assert.True(link is not null, $"{prefix}{path} does not announce the feed");
            Assert.Equal(prefix + "/changes/feed.atom", new Uri(link.GetAttribute("href")!, UriKind.Absolute).AbsolutePath);
        }
    }

    [Fact]
    public async Task APageWithoutPublicHistory_HasNoChangeList_NoVersions_AndNoLastChangedLine()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("private-history");
        var id = await CreatePageAsync(editor, "Office hours", slug, "Open on weekdays.", publicHistory: false);
        await PublishChangeAsync(editor, id, "Open on weekdays and Saturdays.", major: true, note: "Saturdays");

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/{slug}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/ar/{slug}/changes")).StatusCode);
        var page = await _visitor.GetDocumentAsync("/" + slug);
        Assert.Equal("Open on weekdays and Saturdays.", page.QuerySelector(".prose")!.Text());
        Assert.Null(page.QuerySelector(".last-changed"));
        Assert.Null(page.QuerySelector($"a[href='/{slug}/changes']"));
        var feed = XDocument.Parse(await _visitor.GetStringAsync("/changes/feed.atom")).Root!;
        Assert.DoesNotContain(feed.Elements(Atom + "entry"), e => AlternateLink(e).AbsolutePath.StartsWith($"/{slug}/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/ar")]
    [InlineData("/ur")]
    public async Task TheStatement_ShowsWhenItLastChanged_LinkingToItsChanges(string prefix)
    {
        var statement = await _visitor.GetDocumentAsync(prefix + "/statement");

        var lastChanged = statement.QuerySelector(".last-changed");
        Assert.NotNull(lastChanged);
        Assert.Equal(prefix + "/statement/changes", lastChanged.QuerySelector("a")!.GetAttribute("href"));
        var changes = await _visitor.GetDocumentAsync(prefix + "/statement/changes");
        Assert.NotEmpty(changes.QuerySelectorAll("table.versions tbody tr"));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync(prefix + "/statement/versions/1")).StatusCode);
    }

    [Theory]
    [InlineData("ar", "How this page changed")]
    [InlineData("ur", "How this page changed")]
    public async Task TheChangeList_AnswersInArabicAndUrdu_RightToLeft(string culture, string heading)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var slug = NewSlug("rtl");
        var id = await CreatePageAsync(editor, "Solidarity", slug, "We stand together.");
        await PublishChangeAsync(editor, id, "We stand together, always.", major: true, note: "Always");

        var changes = await _visitor.GetDocumentAsync($"/{culture}/{slug}/changes?from=1&to=2");

        var html = changes.DocumentElement;
        Assert.Equal((culture, "rtl"), (html.GetAttribute("lang"), html.GetAttribute("dir")));
        Assert.Contains(In(culture, heading), changes.QuerySelector("h1")!.Text());
        Assert.Equal([In(culture, "Major change") + ": Always", In(culture, "First published")],
            changes.QuerySelectorAll("table.versions tbody tr td:nth-of-type(2)").Select(td => td.Text()));
        Assert.Equal($"/{culture}/{slug}/versions/2", changes.QuerySelector("table.versions tbody tr th a")!.GetAttribute("href"));
        // Machine-readable dates stay Gregorian and ISO whatever the reader's language.
        var today = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.All(changes.QuerySelectorAll("table.versions time"), time => Assert.Equal(today, time.GetAttribute("datetime")));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync($"/{culture}/{slug}/changes?from=one&to=2")).StatusCode);
        // The page is not translated: its English text is compared left to right, marked as English, inside the right-to-left page.
        var section = changes.QuerySelector("section[aria-labelledby='comparison-heading']")!;
        Assert.Equal(("en", "ltr"), (section.GetAttribute("lang"), section.GetAttribute("dir")));
        Assert.StartsWith("[" + In(culture, "Added:"), section.QuerySelector("ins .diff-label")!.Text());
    }

    private static string EditUrl(int id) => $"/admin/pages/edit/{id}";

    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    private static Uri AlternateLink(XElement entry) =>
        new(entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value, UriKind.Absolute);

    /// <summary>The notice on a translation that is behind its English original (the one linking to the English), or null.</summary>
    private static AngleSharp.Dom.IElement? OutdatedNotice(IHtmlDocument page) =>
        page.QuerySelectorAll("main .notice").FirstOrDefault(n => n.QuerySelector("a[hreflang='en']") is not null);

    /// <summary>The dashboard's line for a page's translation among those behind their English text, or null.</summary>
    private static AngleSharp.Dom.IElement? DashboardItem(IHtmlDocument dashboard, int id, string culture = "ur") =>
        dashboard.QuerySelectorAll("section[aria-labelledby='outdated-heading'] li").FirstOrDefault(li => li.QuerySelector($"a[href='/admin/pages/translate/{id}/{culture}']") is not null);

    private static IEnumerable<XElement> FeedEntries(string atom) => XDocument.Parse(atom).Root!.Elements(Atom + "entry");

    private string InUrdu(string key, params object[] arguments) => In("ur", key, arguments);

    /// <summary>The site's own wording of <paramref name="key"/> in <paramref name="culture"/>, from its resources.</summary>
    private string In(string culture, string key, params object[] arguments)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var text = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments].Value;
            Assert.NotEqual(string.Format(CultureInfo.InvariantCulture, key, arguments), text);
            return text;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Creates and publishes a page through the form, showing its history unless told not to; returns its id.</summary>
    private static async Task<int> CreatePageAsync(HttpClient editor, string title, string slug, string body, bool publicHistory = true)
    {
        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", slug), ("Input.Body", body), ("Input.HasPublicHistory", publicHistory ? "true" : "false")),
            submitter: PublishButton);
        Assert.StartsWith("/admin/pages/edit/", response.LandedOn());
        return AdminSite.IdFrom(response.LandedOn());
    }

    /// <summary>Publishes a new version of a published page ("Update"), described as major (with its note) or minor.</summary>
    private static async Task PublishChangeAsync(HttpClient editor, int id, string body, bool major, string? note = null, string? title = null)
    {
        var values = Html.Values(("Input.Body", body), ("Input.IsMajorChange", major ? "true" : "false"), ("Input.ChangeNote", note ?? ""));
        if (title is not null) values["Input.Title"] = title;
        using var response = await editor.SubmitFormAsync(EditUrl(id), values, submitter: SaveButton);
        var page = await response.ReadDocumentAsync();
        Assert.True(response.LandedOn() == EditUrl(id) && page.Status().Contains("Saved."), $"Publishing a change answered {response.LandedOn()}: {page.ErrorSummary()} {page.Status()}");
    }

    [Fact]
    public async Task TheFaq_ShowsHowItsAnswersChanged_EachVersionWithWhatItChanged()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Who runs the relief list " + Guid.NewGuid().ToString("N")[..8] + "?";
        using (var created = await editor.SubmitFormAsync("/admin/faq/create", Html.Values(("Input.Question", question), ("Input.Answer", "Volunteers."))))
            Assert.Equal("/admin/faq", created.LandedOn());
        var id = (await factory.ItemWithTitleAsync(TextKinds.Faq, question))!.Value;
        var anchor = (await factory.FaqAsync(id))!.Address;

        // A major change needs its note, beside the field; then it is published with it.
        using (var refused = await editor.SubmitFormAsync($"/admin/faq/edit/{id}", Html.Values(("Input.Answer", "Volunteers, checked twice a year."), ("Input.IsMajorChange", "true"))))
            Assert.Contains("a major change needs a note", (await refused.ReadDocumentAsync()).FieldError("Input.ChangeNote"));
        // The FAQ's last change is that of any entry: this one is made the latest, whatever other tests changed before.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var saved = await editor.SubmitFormAsync($"/admin/faq/edit/{id}",
            Html.Values(("Input.Answer", "Volunteers, checked twice a year."), ("Input.IsMajorChange", "true"), ("Input.ChangeNote", "Checks added"))))
            Assert.Equal("/admin/faq", saved.LandedOn());

        var faq = await _visitor.GetDocumentAsync("/faq");
        Assert.Contains("Checks added", faq.QuerySelector(".last-changed")!.Text());
        Assert.NotNull(faq.QuerySelector(".last-changed a[href='/faq/changes']"));
        var changes = await _visitor.GetDocumentAsync("/faq/changes");
        var rows = changes.QuerySelectorAll("tbody tr").Where(r => r.Text().Contains(question)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Major change: Checks added", rows[0].Text());
        Assert.Contains("First published", rows[1].Text());
        Assert.DoesNotContain(email, changes.Source.Text);

        var version = await _visitor.GetDocumentAsync($"/faq/{anchor}/versions/2");
        Assert.Equal(question, version.QuerySelector("h1")!.Text());
        Assert.Contains("checked twice a year", version.QuerySelector(".word-diff ins")!.Text());
        Assert.Equal("noindex", version.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        Assert.Equal("/faq", new Uri(version.QuerySelector("link[rel='canonical']")!.GetAttribute("href")!).AbsolutePath);
        Assert.Equal("Volunteers.", (await _visitor.GetDocumentAsync($"/faq/{anchor}/versions/1")).QuerySelector(".prose")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/faq/{anchor}/versions/3")).StatusCode);
        Assert.Contains(FeedEntries(await _visitor.GetStringAsync("/changes/feed.atom")), e => AlternateLink(e).AbsolutePath == $"/faq/{anchor}/versions/2");
        Assert.Equal("rtl", (await _visitor.GetDocumentAsync("/ar/faq/changes")).DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task AnFaqAnswerTranslatedBeforeAMajorEnglishChange_CarriesTheNotice_OnTheFaqAndInItsTranslator()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var question = "Where do the funds go " + Guid.NewGuid().ToString("N")[..8] + "?";
        using (var created = await editor.SubmitFormAsync("/admin/faq/create", Html.Values(("Input.Question", question), ("Input.Answer", "To relief."))))
            Assert.Equal("/admin/faq", created.LandedOn());
        var id = (await factory.ItemWithTitleAsync(TextKinds.Faq, question))!.Value;
        var anchor = (await factory.FaqAsync(id))!.Address;
        using (await editor.SubmitFormAsync($"/admin/faq/translate/{id}/ar", Html.Values(("Input.Question", "أين تذهب الأموال؟"), ("Input.Answer", "إلى الإغاثة."),
                   ("Input.IsPublished", "true")))) { }
        Assert.Null(FaqNotice(await _visitor.GetDocumentAsync("/ar/faq"), anchor));

        using (await editor.SubmitFormAsync($"/admin/faq/edit/{id}", Html.Values(("Input.Answer", "To relief, audited yearly."), ("Input.IsMajorChange", "true"),
                   ("Input.ChangeNote", "Audits")))) { }

        var notice = FaqNotice(await _visitor.GetDocumentAsync("/ar/faq"), anchor);
        Assert.NotNull(notice);
        Assert.Equal($"/faq#{anchor}", notice.QuerySelector("a[hreflang='en']")!.GetAttribute("href"));
        Assert.Contains("audited yearly", (await editor.GetDocumentAsync($"/admin/faq/translate/{id}/ar")).QuerySelector("section:has(#outdated-heading)")!.Text());
    }

    private static AngleSharp.Dom.IElement? FaqNotice(IHtmlDocument faq, string anchor) =>
        faq.QuerySelector($"section[id='{anchor}']")!.QuerySelectorAll(".notice").FirstOrDefault(n => n.QuerySelector("a[hreflang='en']") is not null);
}
