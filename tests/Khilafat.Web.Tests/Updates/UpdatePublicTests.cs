using System.Net;
using System.Xml.Linq;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Updates.UpdateTestSupport;

namespace Khilafat.Web.Tests.Updates;

/// <summary>What visitors see of updates: the paged list, one update in their language, the home page, the feeds and the sitemap.</summary>
public class UpdatePublicTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private readonly HttpClient _visitor = factory.CreateClient();

    /// <summary>Creates <paramref name="count"/> published updates a minute apart, oldest first; returns their titles in that order.</summary>
    private async Task<List<string>> PublishSeveralAsync(int count, string words)
    {
        var titles = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var title = NewTitle($"{words} {i}");
            await factory.CreateUpdateAsync(title, summary: $"Summary {i}.");
            titles.Add(title);
        }
        return titles;
    }

    // An update read in a language it is not translated into shows its English: that is the address to index.
    [Fact]
    public async Task AnUpdateNotInArabic_NamesItsEnglishAddressAsCanonical_AndOnlyItsOwnLanguagesAsAlternates()
    {
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Canonical"));
        await factory.TranslateUpdateAsync(id, "ur", "خبر", "متن۔");

        var arabic = await _visitor.GetDocumentAsync($"/ar/updates/{slug}");
        var urdu = await _visitor.GetDocumentAsync($"/ur/updates/{slug}");

        Assert.EndsWith($"://localhost/updates/{slug}", arabic.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.EndsWith($"/ur/updates/{slug}", urdu.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(["en", "ur", "x-default"], arabic.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")));
    }

    [Fact]
    public async Task TheList_ShowsTenAPage_NewestFirst()
    {
        var titles = await PublishSeveralAsync(12, "Relief report");

        var first = await _visitor.GetDocumentAsync("/updates");
        var shown = first.QuerySelectorAll(".update-list h2").Select(h => h.Text()).ToList();
        Assert.Equal(10, shown.Count);
        Assert.Equal(Enumerable.Reverse(titles).Take(10), shown);
        Assert.Equal("Summary 12.", first.QuerySelector(".update-list p:not(.update-date)")!.Text());
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/updates?page=2", next);

        var second = await _visitor.GetDocumentAsync(next!);
        var onSecond = second.QuerySelectorAll(".update-list h2").Select(h => h.Text()).ToList();
        Assert.Equal([titles[1], titles[0]], onSecond.Take(2));
        Assert.Equal("/updates", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task InArabic_TranslatedUpdatesAreInArabic_OthersInEnglishMarkedAsSuch()
    {
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var english = NewTitle("Statement on the floods");
        var (translatedId, translatedSlug) = await factory.CreateUpdateAsync(english, "We stand with the families.");
        await factory.TranslateUpdateAsync(translatedId, "ar", "بيان بشأن الفيضانات", "نقف مع العائلات.");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var untranslated = NewTitle("Food parcels delivered");
        var (_, untranslatedSlug) = await factory.CreateUpdateAsync(untranslated, "Four hundred parcels.");
        // A translation saved but not published is not shown.
        var (draftId, draftSlug) = await factory.CreateUpdateAsync(NewTitle("Draft translation"), "English words.");
        await factory.TranslateUpdateAsync(draftId, "ar", "ترجمة غير منشورة", "كلمات.", publish: false);

        var list = await _visitor.GetDocumentAsync("/ar/updates");
        var items = list.QuerySelectorAll(".update-teaser").ToList();
        var arabicItem = items.Single(i => i.QuerySelector("a")!.GetAttribute("href") == "/ar/updates/" + translatedSlug);
        Assert.Equal("بيان بشأن الفيضانات", arabicItem.QuerySelector("h2")!.Text());
        Assert.Null(arabicItem.QuerySelector("[lang=en]"));
        var englishItem = items.Single(i => i.QuerySelector("a")!.GetAttribute("href") == "/ar/updates/" + untranslatedSlug);
        Assert.Equal(untranslated, englishItem.QuerySelector("h2")!.Text());
        Assert.Equal("en", englishItem.QuerySelector("h2")!.ParentElement!.GetAttribute("lang"));

        var page = await _visitor.GetDocumentAsync("/ar/updates/" + untranslatedSlug);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", page.QuerySelector(".prose")!.GetAttribute("lang"));
        Assert.Equal("ltr", page.QuerySelector(".prose")!.GetAttribute("dir"));
        Assert.NotNull(page.QuerySelector(".notice[role=note]"));
        var draft = await _visitor.GetDocumentAsync("/ar/updates/" + draftSlug);
        Assert.Equal("en", draft.QuerySelector(".prose")!.GetAttribute("lang"));
        Assert.DoesNotContain("ترجمة غير منشورة", draft.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task TheHomePage_ShowsTheThreeLatest_AndTheHeaderLinksToUpdates()
    {
        var titles = await PublishSeveralAsync(4, "Weekly news");

        var home = await _visitor.GetDocumentAsync("/");
        var latest = home.QuerySelectorAll(".latest-updates h3").Select(h => h.Text()).ToList();
        Assert.Equal([titles[3], titles[2], titles[1]], latest);
        Assert.Equal("/updates", home.QuerySelector(".latest-updates a[href='/updates']")!.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector("header .site-nav a[href='/updates']"));
        var urdu = await _visitor.GetDocumentAsync("/ur");
        Assert.Equal("تازہ خبریں", urdu.QuerySelector("header .site-nav a[href='/ur/updates']")!.Text());
    }

    [Fact]
    public async Task EveryPublicPage_AnnouncesTheUpdatesFeed_InItsLanguage()
    {
        foreach (var (path, feed) in new[] { ("/", "https://localhost/updates/feed.atom"), ("/faq", "https://localhost/updates/feed.atom"), ("/ar/statement", "https://localhost/ar/updates/feed.atom"), ("/ur/updates", "https://localhost/ur/updates/feed.atom") })
        {
            var page = await _visitor.GetDocumentAsync(path);
            var links = page.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
            Assert.Contains(feed, links);
        }
    }

    [Fact]
    public async Task TheFeed_IsAtom_WithIdsUpdatedTimesAbsoluteLinksAndLanguages()
    {
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var (translatedId, translatedSlug) = await factory.CreateUpdateAsync(NewTitle("Vigil for peace"), "We gather **quietly**.", summary: "A quiet vigil.");
        await factory.TranslateUpdateAsync(translatedId, "ar", "وقفة من أجل السلام", "نجتمع بهدوء.");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var (englishId, englishSlug) = await factory.CreateUpdateAsync(NewTitle("Appeal closed"), "Thank you.");

        using var response = await _visitor.GetAsync("/ar/updates/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("ar", feed.Attribute(XNamespace.Xml + "lang")!.Value);
        // The base a feed reader resolves an entry's relative links ("/ar/statement") against.
        Assert.Equal("https://localhost/", feed.Attribute(XNamespace.Xml + "base")!.Value);
        Assert.Equal("https://localhost/ar/updates/feed.atom", feed.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.Equal("https://localhost/ar/updates/feed.atom", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            Assert.StartsWith("tag:localhost,", entry.Element(Atom + "id")!.Value);
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            Assert.True(Uri.TryCreate(entry.Element(Atom + "link")!.Attribute("href")!.Value, UriKind.Absolute, out _));
        }
        var arabic = entries.Single(e => e.Element(Atom + "link")!.Attribute("href")!.Value == "https://localhost/ar/updates/" + translatedSlug);
        Assert.Equal("وقفة من أجل السلام", arabic.Element(Atom + "title")!.Value);
        Assert.Null(arabic.Attribute(XNamespace.Xml + "lang"));
        Assert.EndsWith($":updates/{translatedId}/ar", arabic.Element(Atom + "id")!.Value);
        var english = entries.Single(e => e.Element(Atom + "link")!.Attribute("href")!.Value == "https://localhost/ar/updates/" + englishSlug);
        Assert.Equal("en", english.Attribute(XNamespace.Xml + "lang")!.Value);
        // Its id is the Arabic feed's entry, not the English words': translated later, it stays the same entry.
        Assert.EndsWith($":updates/{englishId}/ar", english.Element(Atom + "id")!.Value);
        // Newest first; the English feed has the English text, and its content is the rendered body.
        Assert.Same(english, entries[0]);
        var englishFeed = XDocument.Parse(await _visitor.GetStringAsync("/updates/feed.atom")).Root!;
        var vigil = englishFeed.Elements(Atom + "entry").Single(e => e.Element(Atom + "link")!.Attribute("href")!.Value == "https://localhost/updates/" + translatedSlug);
        Assert.Equal("html", vigil.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("<strong>quietly</strong>", vigil.Element(Atom + "content")!.Value);
        Assert.Equal("A quiet vigil.", vigil.Element(Atom + "summary")!.Value);
    }

    // Found by a review: feed readers polling the feed got all of it each time, with no tag to ask whether it changed.
    [Fact]
    public async Task AFeedReaderAskingWithItsTag_GetsNotModified_UntilAnUpdateIsPublished()
    {
        await factory.CreateUpdateAsync(NewTitle("Before polling"), "Words.");
        using var first = await _visitor.GetAsync("/ur/updates/feed.atom");
        var tag = first.Headers.ETag!;
        Assert.True(tag.IsWeak);
        Assert.True(first.Headers.CacheControl!.NoCache);

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, "/ur/updates/feed.atom") { Headers = { IfNoneMatch = { tag } } };
        using var notModified = await _visitor.SendAsync(unchanged);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, slug) = await factory.CreateUpdateAsync(NewTitle("After polling"), "New words.");
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/ur/updates/feed.atom") { Headers = { IfNoneMatch = { tag } } };
        using var fresh = await _visitor.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(tag, fresh.Headers.ETag);
        Assert.Contains("/ur/updates/" + slug, await fresh.Content.ReadAsStringAsync());

        // After a change has emptied the cache, and in an encoding not asked for before, a tag still held is 304 too.
        await factory.CreateUpdateAsync(NewTitle("Emptying the cache"), "Words.");
        using var current = await _visitor.GetAsync("/ur/updates/feed.atom");
        await Khilafat.Web.Content.OutputCacheTags.EvictPublicAsync(factory.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>());
        using var compressed = new HttpRequestMessage(HttpMethod.Get, "/ur/updates/feed.atom") { Headers = { IfNoneMatch = { current.Headers.ETag! }, AcceptEncoding = { new("br") } } };
        Assert.Equal(HttpStatusCode.NotModified, (await _visitor.SendAsync(compressed)).StatusCode);

        // The sitemap and robots.txt, which crawlers fetch again and again, likewise.
        foreach (var path in new[] { "/sitemap.xml", "/robots.txt" })
        {
            using var once = await _visitor.GetAsync(path);
            using var again = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { once.Headers.ETag! } } };
            Assert.Equal(HttpStatusCode.NotModified, (await _visitor.SendAsync(again)).StatusCode);
        }
    }

    [Fact]
    public async Task TheSitemap_ListsUpdates_InTheLanguagesTheyArePublishedIn()
    {
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Mapped"), "On the map.");
        await factory.TranslateUpdateAsync(id, "ar", "على الخريطة", "على الخريطة.");

        var sitemap = XDocument.Parse(await _visitor.GetStringAsync("/sitemap.xml"));
        var urls = sitemap.Root!.Elements(Sitemap + "url").Where(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/updates/" + slug, StringComparison.Ordinal)).ToList();
        Assert.Equal(["https://localhost/updates/" + slug, "https://localhost/ar/updates/" + slug], urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        Assert.All(urls, u => Assert.Equal(["en", "ar"], u.Elements(Xhtml + "link").Select(l => l.Attribute("hreflang")!.Value)));
        Assert.Contains(sitemap.Root!.Elements(Sitemap + "url"), u => u.Element(Sitemap + "loc")!.Value == "https://localhost/ur/updates");
    }

    [Fact]
    public async Task AnUnknownAddress_Is404_AndAnUnpublishedOne_IsNotGone()
    {
        var (_, draft) = await factory.CreateUpdateAsync(NewTitle("Never shown"), publish: false);

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/updates/no-such-update")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/updates/" + draft)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/updates/Not..A..Slug")).StatusCode);
    }

    // Search engines read an update as the news article it is: what the page shows, in the reader's language.
    [Fact]
    public async Task AnUpdatesPage_DescribesItAsANewsArticle_ForSearchEngines()
    {
        var published = factory.Clock.GetUtcNow().UtcDateTime;
        var title = NewTitle("Relief </script><script>alert(1)</script> report");
        var (id, slug) = await factory.CreateUpdateAsync(title, summary: "Food parcels reached 300 families.");
        await factory.TranslateUpdateAsync(id, "ar", "تقرير الإغاثة", "وصلت السلال الغذائية.");

        using var response = await _visitor.GetAsync($"/updates/{slug}");
        var html = await response.Content.ReadAsStringAsync();
        // Written into the page unencoded, so the title's markup is escaped inside the JSON, never a tag.
        Assert.Contains("<script type=\"application/ld+json\">{", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        var data = Html.JsonLd(Html.Parse(html));
        Assert.Equal(("https://schema.org", "NewsArticle"), ((string?)data["@context"], (string?)data["@type"]));
        Assert.Equal(title, (string?)data["headline"]);
        Assert.Equal("Food parcels reached 300 families.", (string?)data["description"]);
        var date = published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((date, date), ((string?)data["datePublished"], (string?)data["dateModified"]));
        Assert.Equal(("Organization", "Khilafat Movement", "https://localhost/"),
            ((string?)data["author"]!["@type"], (string?)data["author"]!["name"], (string?)data["author"]!["url"]));
        Assert.Equal("Khilafat Movement", (string?)data["publisher"]!["name"]);
        Assert.Equal(("en", $"https://localhost/updates/{slug}"), ((string?)data["inLanguage"], (string?)data["url"]));

        // In Arabic: its Arabic headline, said to be Arabic, at the Arabic address, by the movement's Arabic name.
        var arabic = Html.JsonLd(await _visitor.GetDocumentAsync($"/ar/updates/{slug}"));
        Assert.Equal(("تقرير الإغاثة", "ar", $"https://localhost/ar/updates/{slug}"), ((string?)arabic["headline"], (string?)arabic["inLanguage"], (string?)arabic["url"]));
        Assert.Equal("حركة الخلافة", (string?)arabic["publisher"]!["name"]);
    }
}
