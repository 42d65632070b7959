using Khilafat.Web.MailingList;
using Khilafat.Web.Supporters;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Testimonials;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Public;

/// <summary>Issue 17's reading experience: contents, last-changed dates, the history's timeline, the FAQ, the end-of-page panel, share cards.</summary>
public class ReadingExperienceTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/history", "The concept of a Khilafat")]
    [InlineData("/ar/history", "يشير مفهوم الخلافة")]
    public async Task History_HasAContentsListLinkingToEachSection_AndItsPeriodsAsATimeline(string path, string opening)
    {
        var page = await _client.GetDocumentAsync(path);

        var toc = page.QuerySelector("nav.toc[aria-label]")!;
        var links = toc.QuerySelectorAll("ol > li > a").ToList();
        var headings = page.QuerySelectorAll(".prose h2").ToList();
        Assert.Equal(4, links.Count);
        Assert.Equal(headings.Select(h => "#" + h.Id), links.Select(a => a.GetAttribute("href")));
        Assert.Equal(headings.Select(h => h.Text()), links.Select(a => a.Text()));
        Assert.True(toc.CompareDocumentPosition(page.QuerySelector(".prose")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "The contents come before the text.");
        // The periods: an ordered list, each item headed by its period's heading, the text before the first heading outside it.
        var periods = page.QuerySelectorAll(".prose ol.timeline > li.period").ToList();
        Assert.Equal(headings.Select(h => h.Text()), periods.Select(p => p.QuerySelector(":scope > h2")!.Text()));
        Assert.StartsWith(opening, page.QuerySelector(".prose > p")!.Text());
        Assert.Contains("reading", page.QuerySelector("article")!.ClassList);
    }

    [Fact]
    public async Task ArabicHeadings_GetIdsTheContentsCanLinkTo()
    {
        var html = new Khilafat.Web.Content.MarkdownRenderer().Render("مقدمة\n\n## ما هي الحركة؟\n\nنص.\n\n## كيف أنضم\n\nنص.", null);

        Assert.Equal(["ما هي الحركة؟", "كيف أنضم"], html.Headings.Select(h => h.Text));
        Assert.All(html.Headings, h => Assert.Matches(@"\p{IsArabic}", h.Id));
        Assert.All(html.Headings, h => Assert.Contains($"id=\"{h.Id}\"", html.Html));
    }

    [Theory]
    [InlineData("/statement")]
    [InlineData("/history")]
    [InlineData("/faq")]
    [InlineData("/ar/statement")]
    public async Task VersionedTextPages_SayWhenTheyLastChanged_InATimeElement(string path)
    {
        var page = await _client.GetDocumentAsync(path);

        var time = page.QuerySelector(".last-changed time[datetime]")!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", time.GetAttribute("datetime")!);
        Assert.Equal(DateTime.ParseExact(time.GetAttribute("datetime")!, "yyyy-MM-dd", null).Year.ToString(), time.Text()[^4..]);
    }

    [Fact]
    public async Task Faq_QuestionsAreHeadings_WithNoIndexAndNoScript_AndATargetedAnswerIsHighlighted()
    {
        var page = await _client.GetDocumentAsync("/faq");

        Assert.Null(page.QuerySelector("nav.faq-index"));
        // No answer folded away (the header's menu is a <details> of its own, outside the text).
        Assert.Empty(page.QuerySelectorAll("main details"));
        Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("faq"));
        var entry = page.GetElementById("how-can-i-join")!;
        Assert.Equal("How can I join?", entry.QuerySelector("h2")!.Text());
        Assert.Contains("spreading awareness", entry.QuerySelector(".faq-answer")!.Text());
        var css = await _client.GetStringAsync(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Contains(".faq-entry:target", css);
    }

    [Theory]
    [InlineData("/statement", "/join", "https://localhost/statement")]
    [InlineData("/history", "/join", "https://localhost/history")]
    [InlineData("/ur/statement", "/ur/join", "https://localhost/ur/statement")]
    public async Task LongPages_EndWithJoinShareAndRelief(string path, string join, string url)
    {
        var page = await _client.GetDocumentAsync(path);

        var panel = page.QuerySelector("aside.end-of-page")!;
        var form = panel.QuerySelector("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(join + "?handler=Continue", form.GetAttribute("action"));
        Assert.Equal("email", form.QuerySelector("input[name=email]")!.GetAttribute("type"));
        Assert.NotNull(panel.QuerySelector($"label[for=end-join-email]"));
        Assert.NotNull(panel.QuerySelector("a[href$='/privacy']"));
        Assert.NotEmpty(panel.QuerySelector(".consent-note q")!.Text());
        var share = panel.QuerySelectorAll(".share-links a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, share.Count);
        Assert.All(share, href => Assert.Contains(Uri.EscapeDataString(url), href));
        Assert.NotNull(panel.QuerySelector($"a[href='{join.Replace("/join", "/relief")}']"));
    }

    [Fact]
    public async Task AnUpdate_EndsWithThePanel_AndTheInlineAddressFillsInTheJoinForm()
    {
        await factory.CreateUpdateAsync(new UpdateText("en", "Relief convoy reached the north", "The convoy arrived."));
        var updates = await _client.GetDocumentAsync("/updates");
        var href = updates.QuerySelectorAll("main a[href^='/updates/']").First(a => a.Text().Contains("Relief convoy")).GetAttribute("href")!;
        var update = await _client.GetDocumentAsync(href);
        Assert.NotNull(update.QuerySelector("aside.end-of-page .share-links"));

        var form = update.Form("aside.end-of-page form");
        using var response = await _client.SubmitAsync(form, href, Html.Values(("email", "reader@example.org")));
        var join = await response.ReadDocumentAsync();
        Assert.Equal("reader@example.org", join.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.NotNull(join.QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [Theory]
    [InlineData("/", "website")]
    [InlineData("/statement", "article")]
    [InlineData("/history", "article")]
    [InlineData("/faq", "website")]
    [InlineData("/join", "website")]
    [InlineData("/testimonials", "website")]
    [InlineData("/ar/statement", "article")]
    [InlineData("/ur", "website")]
    public async Task EveryPage_HasAShareCard_ThatAnswersAPng_OfTheRightSize(string path, string type)
    {
        var page = await _client.GetDocumentAsync(path);

        Assert.Equal(type, page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        // Open Graph's locales are language_TERRITORY: "ar" alone is not one.
        Assert.Equal(path.StartsWith("/ar") ? "ar_AR" : path.StartsWith("/ur") ? "ur_PK" : "en_US", page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        var image = new Uri(page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!);
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
        using var response = await _client.GetAsync(image.PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("max-age=31536000", response.Headers.CacheControl!.ToString());
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((1200, 630), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    // Arabic and Urdu titles are drawn too, shaped, from the right: the card's light pixels (its text) end at the
    // right margin and leave the left of a short title's band empty; an English card's start at the left margin.
    [Theory]
    [InlineData("/ar/statement", true)]
    [InlineData("/ur/statement", true)]
    [InlineData("/statement", false)]
    public async Task ShareCards_CarryThePagesTitle_FromTheRightInArabicAndUrdu(string path, bool rightToLeft)
    {
        var page = await _client.GetDocumentAsync(path);
        var image = new Uri(page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!);
        var title = page.QuerySelector("meta[property='og:title']")!.GetAttribute("content")!;
        Assert.Equal("?title=" + Uri.EscapeDataString(title), image.Query);
        // Its words, for those who hear a link's preview read: the movement's name, in the page's language, and the title.
        var name = page.QuerySelector("meta[property='og:site_name']")!.GetAttribute("content")!;
        Assert.Equal(rightToLeft, name != "Khilafat Movement");
        var alt = $"{name}: {title}";
        Assert.Equal(alt, page.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        Assert.Equal(alt, page.QuerySelector("meta[name='twitter:image:alt']")!.GetAttribute("content"));

        using var card = SkiaSharp.SKBitmap.Decode(await _client.GetByteArrayAsync(image.PathAndQuery));
        var (left, right) = LightColumns(card, 260, 600);
        if (rightToLeft)
        {
            Assert.InRange(right, 1050, 1100);
            Assert.True(left > 400, $"A short right-to-left title leaves the left empty; its text starts at x = {left}.");
        }
        else
        {
            Assert.InRange(left, 100, 120);
            Assert.True(right < 1050, $"A short English title leaves the right empty; its text ends at x = {right}.");
        }
    }

    /// <summary>The first and last columns with a light pixel (the card's text) between rows <paramref name="top"/> and <paramref name="bottom"/>.</summary>
    private static (int Left, int Right) LightColumns(SkiaSharp.SKBitmap card, int top, int bottom)
    {
        var columns = Enumerable.Range(0, card.Width).Where(x => Enumerable.Range(top, bottom - top).Any(y => card.GetPixel(x, y).Red > 0xa0)).ToList();
        Assert.NotEmpty(columns);
        return (columns[0], columns[^1]);
    }

    [Fact]
    public async Task ShareCards_DrawOnlyTitlesTheSiteIssued()
    {
        var page = await _client.GetDocumentAsync("/statement");
        var image = new Uri(page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!);
        Assert.Contains("title=Reviving", image.Query);

        using var forged = await _client.GetAsync(image.AbsolutePath + "?title=Something%20else");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task HomePage_ShowsTestimonialsInTheReadersLanguageFirst()
    {
        await using var site = new SiteFactory();
        await site.AddAsync("Bilal", TestimonialStatus.Approved, featured: true, text: "اس تحریک نے مجھے امید دی۔", language: "ur", submittedAt: site.Clock.GetUtcNow().UtcDateTime.AddDays(-20));
        for (var i = 0; i < 3; i++) await site.AddAsync($"Newer {i}", TestimonialStatus.Approved, featured: true, text: "Newer words.");
        var client = site.CreateClient();

        var urdu = await client.GetDocumentAsync("/ur");
        var english = await client.GetDocumentAsync("/");

        Assert.Equal("ur", urdu.QuerySelector(".featured-testimonials figure.testimonial")!.GetAttribute("lang"));
        Assert.DoesNotContain(english.QuerySelectorAll(".featured-testimonials figure.testimonial"), f => f.GetAttribute("lang") == "ur");
    }
}

/// <summary>"N supporters in M countries" from confirmed subscribers, each test on its own site (the figures are the whole list's).</summary>
public class SupporterCountTests
{
    [Fact]
    public async Task HomeAndJoin_ShowConfirmedSupportersAndTheirCountries()
    {
        await using var factory = new SiteFactory();
        string[] countries = ["GB", "PK", "EG"];
        for (var i = 0; i < 12; i++) await factory.AddSubscriberAsync($"Supporter {i}", "en", countries[i % 3]);
        await factory.AddSubscriberAsync("Not yet", "en", "FR", SubscriberStatus.Pending);
        await factory.AddSubscriberAsync("Gone", "en", "DE", SubscriberStatus.Unsubscribed);
        var client = factory.CreateClient();

        Assert.Equal("12 supporters in 3 countries", (await client.GetDocumentAsync("/")).QuerySelector(".supporter-count")!.Text());
        Assert.Equal("12 supporters in 3 countries", (await client.GetDocumentAsync("/join")).QuerySelector(".supporter-count")!.Text());
    }

    [Fact]
    public async Task EachCount_TakesTheFormItsLanguageGivesIt()
    {
        await using var factory = new SiteFactory();
        for (var i = 0; i < 12; i++) await factory.AddSubscriberAsync($"Supporter {i}", "ar", i % 2 == 0 ? "EG" : "PK");
        var client = factory.CreateClient();

        // Arabic: 12 takes the accusative singular, 2 the dual (which names no number).
        Assert.Equal("12 مؤيدًا في دولتين", (await client.GetDocumentAsync("/ar")).QuerySelector(".supporter-count")!.Text());
        Assert.Equal("2 ممالک میں 12 حامی", (await client.GetDocumentAsync("/ur/join")).QuerySelector(".supporter-count")!.Text());
        Assert.Equal("12 supporters in 2 countries", (await client.GetDocumentAsync("/join")).QuerySelector(".supporter-count")!.Text());
    }

    [Fact]
    public async Task AFewSupporters_AreNotAnnounced()
    {
        await using var factory = new SiteFactory();
        for (var i = 0; i < SupporterCount.MinimumShown - 1; i++) await factory.AddSubscriberAsync($"Early {i}", "en", "GB");
        var client = factory.CreateClient();

        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector(".supporter-count"));
        Assert.Null((await client.GetDocumentAsync("/join")).QuerySelector(".supporter-count"));
    }

    [Fact]
    public async Task TheCount_IsKept_NotMadeForEveryRequest()
    {
        await using var factory = new SiteFactory();
        for (var i = 0; i < 10; i++) await factory.AddSubscriberAsync($"First {i}", "en", null);
        var first = await factory.WithScopeAsync(sp => sp.GetRequiredService<SupporterCount>().GetAsync());

        await factory.AddSubscriberAsync("Later", "en", null);
        var second = await factory.WithScopeAsync(sp => sp.GetRequiredService<SupporterCount>().GetAsync());

        Assert.Equal(new SupporterFigures(10, 0), first);
        Assert.Equal(first, second);
        // With no countries given, it says only how many.
        Assert.Equal("10 supporters", (await factory.CreateClient().GetDocumentAsync("/join")).QuerySelector(".supporter-count")!.Text());
    }
}
