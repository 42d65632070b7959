using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Public;

public class PublicPagesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Home_ShowsTheMovementAndLinksToEverySection()
    {
        var page = await _client.GetDocumentAsync("/");

        // The header names the movement; the page's heading says what it stands for, not the name again.
        Assert.Equal("Justice, relief and unity, by peaceful and lawful means", page.QuerySelector("h1")!.Text());
        Assert.Equal("Khilafat Movement", page.QuerySelector("header .brand")!.Text().Trim());
        Assert.Null(page.QuerySelector("header h1"));
        Assert.Contains("a call to a moral and political imagination rooted in justice", page.QuerySelector("main")!.Text());
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "/statement", "/faq", "/history", "/join" }, links);
    }

    // Link previews, feed checkers and uptime monitors ask HEAD: these answered 404 or 405 where GET answered 200.
    [Fact]
    public async Task WhatOtherSoftwareReads_AnswersHead_AsItAnswersGet()
    {
        var card = (await _client.GetDocumentAsync("/statement")).QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        foreach (var path in new[] { "/robots.txt", "/sitemap.xml", "/updates/feed.atom", "/ar/updates/feed.atom", "/events/feed.ics", "/ur/events/feed.ics", "/changes/feed.atom", new Uri(card).PathAndQuery })
        {
            using var get = await _client.GetAsync(path);
            using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {path}: {get.StatusCode}");
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {head.StatusCode}");
            // (Kestrel sends no body to HEAD: the test server, which passes on what was written, is not the place to see it.)
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Statement_ShowsTheWholeSpeechFromItsOpeningToItsClose()
    {
        var page = await _client.GetDocumentAsync("/statement");
        var text = page.QuerySelector("main")!.Text();

        Assert.Equal("Reviving Khilafat for Justice", page.QuerySelector("h1")!.Text());
        Assert.Equal("بسم الله الرحمن الرحيم", page.QuerySelector(".prose > p[lang=ar]:first-child")!.Text());
        Assert.Contains("Brothers and sisters, children of the same ummah, friends of justice everywhere", text);
        Assert.Contains("Second: non-violent solidarity.", text);
        Assert.Contains("Demand accountability through lawful, peaceful channels.", text);
        Assert.EndsWith("may our deeds reflect the mercy that is the essence of faith.", page.QuerySelector(".prose")!.Text());
        Assert.DoesNotContain("Khilafat Movement FAQ", text);
    }

    [Fact]
    public async Task Faq_ShowsTheSixQuestionsAsHeadingsWithStableAnchors()
    {
        var page = await _client.GetDocumentAsync("/faq");

        var entries = page.QuerySelectorAll("section.faq-entry").ToList();
        Assert.Equal(
            ["What is the Khilafat movement?", "Who do you support?", "Why is Khilafat important?", "How can I join?", "What is your mission?", "How can I help?"],
            entries.Select(e => e.QuerySelector("h2")!.Text()));
        Assert.Equal(
            ["what-is-the-khilafat-movement", "who-do-you-support", "why-is-khilafat-important", "how-can-i-join", "what-is-your-mission", "how-can-i-help"],
            entries.Select(e => e.Id));
        Assert.Contains("spreading awareness and participating in our initiatives", page.GetElementById("how-can-i-join")!.Text());
        Assert.NotNull(page.QuerySelector("a[href='#how-can-i-join']"));
    }

    [Fact]
    public async Task History_ShowsItsFourSectionsWithoutTheChatAside()
    {
        var page = await _client.GetDocumentAsync("/history");
        var text = page.QuerySelector("main")!.Text();

        Assert.Equal(
            ["Historical Formation Overview", "Challenges in Present Conditions", "Modern Attempts and Outcomes", "In summary"],
            page.QuerySelectorAll(".prose h2").Select(h => h.Text()));
        Assert.StartsWith("The concept of a Khilafat (Caliphate) refers to a unified Islamic political", page.QuerySelector(".prose p")!.Text());
        Assert.Contains("Hizb ut-Tahrir promote non-violent advocacy", text);
        Assert.Equal(5, page.QuerySelectorAll(".prose .timeline > li:nth-of-type(2) > h2 + p + ul > li").Length);
        Assert.DoesNotContain("clarify for more tailored info", text);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statement")]
    [InlineData("/faq")]
    [InlineData("/history")]
    [InlineData("/updates")]
    public async Task EveryPublicPage_HasOneH1_Landmarks_SkipLinkAndNavigation(string path)
    {
        var page = await _client.GetDocumentAsync(path);

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.NotNull(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.Equal("#main", page.QuerySelector("body > a.skip-link")!.GetAttribute("href"));
        Assert.Equal(
            ["Statement", "Updates", "FAQ", "History", "Testimonials", "Join"],
            page.QuerySelectorAll("header nav.site-nav a").Select(a => a.Text()));
    }

    [Theory]
    [InlineData("/statement", "Reviving Khilafat for Justice · Khilafat Movement", "We speak of Khilafat not as nostalgia")]
    [InlineData("/history", "The Khilafat in history · Khilafat Movement", "The concept of a Khilafat (Caliphate) refers")]
    [InlineData("/", "Khilafat Movement", "We speak of Khilafat not as nostalgia")]
    public async Task EveryPublicPage_HasTitleDescriptionCanonicalAndOpenGraph(string path, string title, string descriptionStart)
    {
        var page = await _client.GetDocumentAsync(path);

        Assert.Equal(title, page.Title);
        Assert.StartsWith(descriptionStart, page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("https://localhost" + path, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("meta[property='og:title']")!.GetAttribute("content")));
        Assert.StartsWith(descriptionStart, page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task CurrentSection_IsMarkedInTheNavigation()
    {
        var page = await _client.GetDocumentAsync("/faq");

        var current = Assert.Single(page.QuerySelectorAll("header nav a[aria-current=page]"));
        Assert.Equal("/faq", current.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/Statement-that-is-not-here")]
    [InlineData("/a%20b")]
    [InlineData("/faq/extra")]
    public async Task UnknownPath_IsAFriendly404InTheSiteLayout(string path)
    {
        using var response = await _client.GetAsync(path);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("header nav"));
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task OverLongPath_Is404NotAnError()
    {
        using var response = await _client.GetAsync("/" + new string('a', 4000));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/statement?x=%ZZ&y=%")]
    [InlineData("/faq?q=<script>alert(1)</script>")]
    [InlineData("/?page=-1&page=abc")]
    public async Task MalformedQueryString_IsIgnored(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sitemap_ListsEveryPublishedPage()
    {
        using var response = await _client.GetAsync("/sitemap.xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var locations = xml.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Superset(
            new HashSet<string> { "https://localhost/", "https://localhost/statement", "https://localhost/faq", "https://localhost/history" },
            locations.ToHashSet());
    }

    [Fact]
    public async Task Robots_AllowsThePublicSiteAndDisallowsAdmin()
    {
        var robots = await _client.GetStringAsync("/robots.txt");

        Assert.Contains("User-agent: *", robots);
        Assert.Contains("Allow: /\n", robots);
        Assert.Contains("Disallow: /admin", robots);
        Assert.Contains("Sitemap: https://localhost/sitemap.xml", robots);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statement")]
    [InlineData("/no-such-page")]
    public async Task Responses_CarryTheSecurityHeaders(string path)
    {
        using var response = await _client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PublicPages_AreCompressed(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/statement");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task Stylesheet_IsServedFromAFingerprintedUrlWithALongCacheLifetime()
    {
        var page = await _client.GetDocumentAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        using var response = await _client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(30), $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statement")]
    [InlineData("/faq")]
    [InlineData("/history")]
    public async Task FirstLoad_WithoutTheProse_StaysUnder60KB(string path)
    {
        var html = await _client.GetStringAsync(path);
        var page = Html.Parse(html);
        var prose = page.QuerySelectorAll(".prose").Sum(p => System.Text.Encoding.UTF8.GetByteCount(p.InnerHtml));

        long total = System.Text.Encoding.UTF8.GetByteCount(html) - prose;
        var assets = page.QuerySelectorAll("link[rel=stylesheet], script[src], link[rel=icon]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .ToList();
        foreach (var asset in assets) total += (await _client.GetByteArrayAsync(asset)).Length;

        Assert.True(total < 60 * 1024, $"{path}: {total:N0} bytes of HTML, CSS and JS besides the prose");
        // Nothing the page loads comes from elsewhere (canonical and alternate links name pages; they load nothing).
        Assert.DoesNotContain(page.QuerySelectorAll("script[src], link[href]:not([rel=canonical]):not([rel=alternate])"),
            e => (e.GetAttribute("src") ?? e.GetAttribute("href"))!.StartsWith("http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicPages_WorkWithoutScript_NoInlineScriptOrStyle()
    {
        foreach (var path in new[] { "/", "/statement", "/faq", "/history" })
        {
            var page = await _client.GetDocumentAsync(path);
            Assert.Empty(page.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Home_RedirectsItsOwnSlugToTheRoot()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync("/home");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
