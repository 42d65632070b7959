using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Settings;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Localization;

/// <summary>
/// The seeded Arabic and Urdu translations of the home page, statement, history and FAQ: published with a notice that
/// they await the movement's review until an editor marks them reviewed; and the pages still untranslated.
/// </summary>
public class SeededTranslationsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Task<int> PageIdAsync(string slug) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    [Theory]
    [InlineData("ar", "إحياء الخلافة من أجل العدالة", "أيها الإخوة والأخوات، يا أبناء الأمة الواحدة", "هذه الترجمة بانتظار مراجعة الحركة، والنص الإنجليزي هو المعتمد.")]
    [InlineData("ur", "انصاف کے لیے احیائے خلافت", "بھائیو اور بہنو، ایک ہی امت کے فرزندو", "یہ ترجمہ ابھی تحریک کے جائزے کا منتظر ہے؛ انگریزی متن ہی مستند ہے۔")]
    public async Task TheStatement_InArabicAndUrdu_IsTheSeededTranslation_WithTheAwaitsReviewNotice(string culture, string title, string opening, string notice)
    {
        var page = await factory.CreateClient().GetDocumentAsync($"/{culture}/statement");

        Assert.Equal(title, page.QuerySelector("main h1")!.Text());
        Assert.Contains(opening, page.QuerySelector(".prose")!.Text());
        Assert.Null(page.QuerySelector("article [lang=en]"));
        var review = page.QuerySelector("main .review-notice")!;
        Assert.StartsWith(notice, review.Text());
        var english = review.QuerySelector("a")!;
        Assert.Equal("/statement", english.GetAttribute("href"));
        Assert.Equal("en", english.GetAttribute("hreflang"));
        // The same structure as the English: its heading and the five points of the response.
        Assert.Single(page.QuerySelectorAll(".prose h2"));
        Assert.Equal(5, page.QuerySelectorAll(".prose p > strong:first-child").Length);
        // A translated page is its own canonical address, with every language as an alternate.
        Assert.Equal($"https://localhost/{culture}/statement", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(["en", "ar", "ur", "x-default"], page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")));
        Assert.Null((await factory.CreateClient().GetDocumentAsync("/statement")).QuerySelector(".review-notice"));
    }

    [Fact]
    public async Task MarkingATranslationReviewed_RemovesTheNoticeAtOnce_AndIsAudited()
    {
        var id = await PageIdAsync("history");
        var visitor = factory.CreateClient();
        // Seen once, so the page is in the output cache: marking it reviewed must evict it.
        Assert.NotNull((await visitor.GetDocumentAsync("/ar/history")).QuerySelector(".review-notice"));
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);

        var form = await editor.GetDocumentAsync($"/admin/pages/translate/{id}/ar");
        Assert.NotNull(form.QuerySelector("a.tag[href='#review-heading']"));
        using var marked = await editor.SubmitAsync(form.Form("form[action*='handler=Reviewed']"), $"/admin/pages/translate/{id}/ar");

        var after = await marked.ReadDocumentAsync();
        Assert.Equal($"/admin/pages/translate/{id}/ar", marked.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Marked as reviewed", after.QuerySelector(".status")!.Text());
        Assert.Null(after.QuerySelector("form[action*='handler=Reviewed']"));
        var arabic = await visitor.GetDocumentAsync("/ar/history");
        Assert.Null(arabic.QuerySelector(".review-notice"));
        Assert.Equal("الخلافة في التاريخ", arabic.QuerySelector("main h1")!.Text());
        Assert.NotNull((await visitor.GetDocumentAsync("/ur/history")).QuerySelector(".review-notice"));
        var audit = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.TranslationReviewed).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("page:history:ar", entry.Target);
        Assert.Equal(email, entry.ActorName);
    }

    [Fact]
    public async Task MarkingReviewed_WithoutTheAntiForgeryToken_IsRefused()
    {
        var id = await PageIdAsync("statement");
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        using var forged = await editor.PostAsync($"/admin/pages/translate/{id}/ur?handler=Reviewed", new FormUrlEncodedContent([]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotNull((await factory.CreateClient().GetDocumentAsync("/ur/statement")).QuerySelector(".review-notice"));
    }

    [Fact]
    public async Task AnEditorPublishingTheirEditOfATranslation_CountsAsReviewed()
    {
        var entryId = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().FaqEntries.Where(f => f.Anchor == "how-can-i-help").Select(f => f.Id).SingleAsync());
        Assert.NotNull((await factory.CreateClient().GetDocumentAsync("/ar/faq")).QuerySelector(".review-notice"));
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var stored = (await factory.FaqAsync(entryId, "ar"))!;

        using var saved = await editor.SubmitFormAsync($"/admin/faq/translate/{entryId}/ar",
            Html.Values(("Input.Answer", stored.Body + " شكرًا لك.")));

        Assert.Equal("/admin/faq", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var reviewed = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Texts.AsNoTracking()
            .SingleAsync(t => t.Kind == TextKinds.Faq && t.ItemId == entryId && t.Culture == "ar"));
        Assert.False(reviewed.AwaitsReview);
        Assert.NotNull(reviewed.ReviewedAt);
        // The other questions are still the seed's, so the page keeps its notice; the edited answer shows at once.
        var page = await factory.CreateClient().GetDocumentAsync("/ar/faq");
        Assert.NotNull(page.QuerySelector(".review-notice"));
        Assert.EndsWith("شكرًا لك.", page.GetElementById("how-can-i-help")!.QuerySelector(".faq-answer")!.Text());
    }

    [Fact]
    public async Task TheFaqInUrdu_ShowsEveryQuestionInUrdu_InTheEnglishOrder()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/ur/faq");

        var entries = page.QuerySelectorAll("section.faq-entry").ToList();
        Assert.Equal(["what-is-the-khilafat-movement", "who-do-you-support", "why-is-khilafat-important", "how-can-i-join", "what-is-your-mission", "how-can-i-help"],
            entries.Select(e => e.Id));
        Assert.Equal(["تحریکِ خلافت کیا ہے؟", "آپ کس کی حمایت کرتے ہیں؟", "خلافت کیوں اہم ہے؟", "میں کیسے شامل ہوں؟", "آپ کا مشن کیا ہے؟", "میں کیسے مدد کروں؟"],
            entries.Select(e => e.QuerySelector("h2")!.Text()));
        Assert.All(entries, e => Assert.Null(e.GetAttribute("lang")));
        Assert.Contains("میانمار، بھارت، سوڈان", page.GetElementById("who-do-you-support")!.Text());
        Assert.Equal("/faq", page.QuerySelector(".review-notice a")!.GetAttribute("href"));
        Assert.Equal("https://localhost/ur/faq", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/statement")]
    [InlineData("/ar/statement")]
    [InlineData("/ur/statement")]
    public async Task TheBismillah_IsInArabicScript_MarkedArabic_OnEveryLanguagesPage(string path)
    {
        var page = await factory.CreateClient().GetDocumentAsync(path);

        var bismillah = page.QuerySelector(".prose > p:first-child")!;
        Assert.Equal("بسم الله الرحمن الرحيم", bismillah.Text());
        Assert.Equal("ar", bismillah.GetAttribute("lang"));
        Assert.Equal("rtl", bismillah.GetAttribute("dir"));
        Assert.Contains("bismillah", bismillah.ClassList);
        Assert.DoesNotContain("BISMILLA", page.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task AnUntranslatedPage_InArabic_NamesTheEnglishCanonical_AndTheSitemapListsOnlyItsEnglish()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/ar/how-we-choose");

        // Shown in English with the notice, in Arabic around it.
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("How we choose relief organisations", page.QuerySelector("article [lang=en] h1")!.Text());
        Assert.Equal("لم تُترجم هذه الصفحة إلى هذه اللغة بعد، وهي معروضة هنا بالإنجليزية.", page.QuerySelector("main .notice")!.Text());
        Assert.Equal("https://localhost/how-we-choose", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(["en", "x-default"], page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")));

        var sitemap = System.Xml.Linq.XDocument.Parse(await factory.CreateClient().GetStringAsync("/sitemap.xml"));
        System.Xml.Linq.XNamespace ns = SitemapNs;
        System.Xml.Linq.XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToHashSet();
        Assert.Contains("https://localhost/how-we-choose", locations);
        Assert.DoesNotContain("https://localhost/ar/how-we-choose", locations);
        Assert.DoesNotContain("https://localhost/ur/how-we-choose", locations);
        var english = sitemap.Descendants(ns + "url").Single(u => u.Element(ns + "loc")!.Value == "https://localhost/how-we-choose");
        Assert.Equal(["en"], english.Elements(xhtml + "link").Select(l => l.Attribute("hreflang")!.Value));
        // The translated pages are listed in each of their languages.
        foreach (var path in new[] { "/statement", "/history", "/faq", "" })
            foreach (var prefix in new[] { "/ar", "/ur" })
                Assert.Contains("https://localhost" + prefix + path, locations);
    }

    [Fact]
    public async Task AnUntranslatedHomeIntroduction_ShowsInEnglish_WithTheNotice_AndNamesTheEnglishHomeCanonical()
    {
        var id = await PageIdAsync(ContentService.HomeSlug);
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var visitor = factory.CreateClient();
        Assert.Contains("ہم خلافت کی بات", (await visitor.GetDocumentAsync("/ur")).QuerySelector(".lead")!.Text());

        await editor.SubmitFormAsync($"/admin/pages/translate/{id}/ur", submitter: "button[formaction*='handler=Unpublish']");

        var home = await visitor.GetDocumentAsync("/ur");
        var intro = home.QuerySelector(".lead")!;
        Assert.Equal("en", intro.GetAttribute("lang"));
        Assert.Equal("ltr", intro.GetAttribute("dir"));
        Assert.Contains("We speak of Khilafat not as nostalgia", intro.Text());
        Assert.Equal("اس متن کا ابھی اس زبان میں ترجمہ نہیں ہوا۔ یہاں یہ انگریزی میں ہے۔", home.QuerySelector(".hero .notice")!.Text());
        Assert.Equal("https://localhost/", home.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.DoesNotContain(home.QuerySelectorAll("link[rel=alternate][hreflang]"), l => l.GetAttribute("hreflang") == "ur");
        // Arabic keeps its translation.
        Assert.Equal("https://localhost/ar", (await visitor.GetDocumentAsync("/ar")).QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }
}

/// <summary>The translations' seed on a database made before it: added once, never over an editor's own translation.</summary>
public class TranslationSeedTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task OnADatabaseSeededBeforeIt_TheTranslationsAreAddedOnce_AndAnEditorsOwnAreKept()
    {
        var counts = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            // As a site started before this seed: no translations, the Bismillah transliterated, and one editor's translation.
            db.Settings.Remove(await db.Settings.SingleAsync(s => s.Key == SettingKeys.TranslationsSeeded));
            var statementId = await db.Pages.Where(p => p.Slug == "statement").Select(p => p.Id).SingleAsync();
            var english = await db.Texts.SingleAsync(t => t.Kind == TextKinds.Page && t.ItemId == statementId && t.Culture == "en");
            english.Body = english.PublishedBody = "BISMILLA HIRRAHEMA NIRRAHEEM" + english.Body["بسم الله الرحمن الرحيم".Length..];
            db.Texts.RemoveRange(db.Texts.Where(t => t.Culture != "en" && (t.Kind == TextKinds.Page || t.Kind == TextKinds.Faq)).Include(t => t.Revisions));
            await db.SaveChangesAsync();
            db.Texts.Add(new VersionedText
            {
                Kind = TextKinds.Page, ItemId = statementId, Culture = "ur", Title = "ایڈیٹر کا ترجمہ", Body = "ایڈیٹر کا متن",
                IsPublished = true, PublishedTitle = "ایڈیٹر کا ترجمہ", PublishedSummary = "", PublishedBody = "ایڈیٹر کا متن", Version = 3,
            });
            await db.SaveChangesAsync();

            await SeedData.SeedAsync(db, factory.Clock);
            var translations = db.Texts.Where(t => t.Culture != "en" && (t.Kind == TextKinds.Page || t.Kind == TextKinds.Faq));
            var first = await translations.CountAsync();
            await SeedData.SeedAsync(db, factory.Clock);
            return (First: first, Second: await translations.CountAsync());
        });

        // Three pages and six questions in two languages, the statement in Urdu being the one the editor had written.
        Assert.Equal(2 * (3 + 6), counts.First);
        Assert.Equal(counts.First, counts.Second);
        var visitor = factory.CreateClient();
        var urdu = await visitor.GetDocumentAsync("/ur/statement");
        Assert.Equal("ایڈیٹر کا ترجمہ", urdu.QuerySelector("main h1")!.Text());
        Assert.Null(urdu.QuerySelector(".review-notice"));
        Assert.NotNull((await visitor.GetDocumentAsync("/ar/statement")).QuerySelector(".review-notice"));
        // The transliterated Bismillah is set in Arabic script as a new public version of the English.
        var english = await visitor.GetDocumentAsync("/statement");
        Assert.Equal("ar", english.QuerySelector(".prose > p:first-child")!.GetAttribute("lang"));
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var statementId = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Slug == "statement").Select(p => p.Id).SingleAsync());
        var history = await editor.GetDocumentAsync($"/admin/pages/history/{statementId}");
        Assert.Contains("Bismillah set in Arabic script", history.QuerySelector("tbody tr")!.Text());
    }
}

/// <summary>The privacy notice's translations: seeded only over the English they translate.</summary>
public class PrivacyTranslationSeedTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task OverAnEnglishNoticeAnEditorChanged_NoTranslationIsSeeded_AndTheEnglishShowsWithTheNotice()
    {
        var seeded = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var privacyId = await db.Pages.Where(p => p.Slug == "privacy").Select(p => p.Id).SingleAsync();
            var translations = db.Texts.Where(t => t.Kind == TextKinds.Page && t.ItemId == privacyId && t.Culture != "en");
            Assert.Equal(["ar", "ur"], await translations.OrderBy(t => t.Culture).Select(t => t.Culture).ToListAsync());
            // As a site whose editors rewrote their notice before this seed came.
            db.Settings.Remove(await db.Settings.SingleAsync(s => s.Key == SettingKeys.PrivacyTranslationsSeeded));
            db.Texts.RemoveRange(translations.Include(t => t.Revisions));
            var english = await db.Texts.SingleAsync(t => t.Kind == TextKinds.Page && t.ItemId == privacyId && t.Culture == "en");
            english.Body = english.PublishedBody = "We keep nothing but your email address, for as long as you are on the list.";
            await db.SaveChangesAsync();

            await SeedData.SeedAsync(db, factory.Clock);
            return await translations.CountAsync();
        });

        Assert.Equal(0, seeded);
        var page = await factory.CreateClient().GetDocumentAsync("/ar/privacy");
        Assert.Equal("لم تُترجم هذه الصفحة إلى هذه اللغة بعد، وهي معروضة هنا بالإنجليزية.", page.QuerySelector("main .notice")!.Text());
        Assert.Contains("We keep nothing but your email address", page.QuerySelector("article [lang=en]")!.Text());
    }
}
