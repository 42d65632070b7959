using System.Net;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Localization;

/// <summary>Every public page in Arabic and Urdu: its own address, lang and dir, a switcher to the other languages, alternates for search engines.</summary>
public class LanguagePagesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> PublicPagesInEachLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "ar", "ur" })
            foreach (var path in new[] { "", "/statement", "/faq", "/history", "/testimonials", "/testimonials/share", "/join", "/join/thanks" })
                data.Add(culture, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(PublicPagesInEachLanguage))]
    public async Task EveryPublicPage_AnswersInArabicAndUrdu_RightToLeft(string culture, string path)
    {
        var page = await _client.GetDocumentAsync($"/{culture}{path}");

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Single(page.QuerySelectorAll("h1"));
        // The navigation leads on in the same language.
        Assert.All(page.QuerySelectorAll("header nav.site-nav a"), a => Assert.StartsWith($"/{culture}/", a.GetAttribute("href")));
    }

    [Fact]
    public async Task UiStrings_AreTranslated()
    {
        var arabic = await _client.GetDocumentAsync("/ar/faq");
        var urdu = await _client.GetDocumentAsync("/ur/faq");

        Assert.Equal(["البيان", "المستجدات", "الأسئلة الشائعة", "التاريخ", "الشهادات", "انضم"], arabic.QuerySelectorAll("header nav.site-nav a").Select(a => a.Text()));
        Assert.Equal("الأسئلة الشائعة", arabic.QuerySelector("h1")!.Text());
        Assert.Equal("اکثر پوچھے جانے والے سوالات", urdu.QuerySelector("h1")!.Text());
        Assert.Equal("مواد پر جائیں", urdu.QuerySelector(".skip-link")!.Text());
        Assert.Contains("حركة الخلافة", arabic.Title);
    }

    [Fact]
    public async Task TheSwitcher_LinksToTheSamePageInEachLanguage_InItsOwnScript()
    {
        var page = await _client.GetDocumentAsync("/ar/history");

        var links = page.QuerySelectorAll("nav.language-switcher a").Select(a => (a.GetAttribute("href"), a.GetAttribute("lang"), a.Text())).ToList();
        Assert.Equal([("/history", "en", "English"), ("/ar/history", "ar", "العربية"), ("/ur/history", "ur", "اردو")], links);
        Assert.Equal("true", page.QuerySelector("nav.language-switcher a[lang=ar]")!.GetAttribute("aria-current"));
        var home = await _client.GetDocumentAsync("/ur");
        Assert.Equal(["/", "/ar", "/ur"], home.QuerySelectorAll("nav.language-switcher a").Select(a => a.GetAttribute("href")));
    }

    public static TheoryData<string> ForgedPaths => new()
    {
        "/ar//evil.example", "//evil.example", "/ur//evil.example/statement", "/ar/%2F%2Fevil.example", "/ar/%5C%5Cevil.example",
        "/ar//\\evil.example", "/ar/%2Fevil.example%2F", "///evil.example", "/ar/faq//evil.example",
    };

    [Theory]
    [MemberData(nameof(ForgedPaths))]
    public async Task OnAPageNotFound_TheLanguageLinks_LeadHomeOnThisSite_NeverElsewhere(string path)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("https://localhost" + path)));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["/", "/ar", "/ur"], page.QuerySelectorAll("nav.language-switcher a").Select(a => a.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll("link[rel=canonical], link[rel=alternate], meta[property='og:url']"), link =>
            Assert.StartsWith("https://localhost/", link.GetAttribute("href") ?? link.GetAttribute("content")));
        Assert.DoesNotContain("evil.example", page.QuerySelector("head")!.OuterHtml + page.QuerySelector("header")!.OuterHtml);
    }

    [Fact]
    public async Task EachLanguage_HasItsCanonical_AndHreflangAlternates()
    {
        var page = await _client.GetDocumentAsync("/ur/statement");

        Assert.Equal("https://localhost/ur/statement", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href"));
        Assert.Equal("https://localhost/statement", alternates["en"]);
        Assert.Equal("https://localhost/ar/statement", alternates["ar"]);
        Assert.Equal("https://localhost/ur/statement", alternates["ur"]);
        Assert.Equal("https://localhost/statement", alternates["x-default"]);
    }

    [Fact]
    public async Task TheSitemap_ListsEveryLanguageVersion_WithItsAlternates()
    {
        var xml = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync("/sitemap.xml"));
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        System.Xml.Linq.XNamespace xhtml = "http://www.w3.org/1999/xhtml";

        var locations = xml.Descendants(ns + "loc").Select(l => l.Value).ToHashSet();
        foreach (var path in new[] { "/statement", "/faq", "/history", "/testimonials", "/join" })
        {
            Assert.Contains("https://localhost" + path, locations);
            Assert.Contains("https://localhost/ar" + path, locations);
            Assert.Contains("https://localhost/ur" + path, locations);
        }
        Assert.Contains("https://localhost/ar", locations);
        var arabicFaq = xml.Descendants(ns + "url").Single(u => u.Element(ns + "loc")!.Value == "https://localhost/ar/faq");
        Assert.Equal(["en", "ar", "ur"], arabicFaq.Elements(xhtml + "link").Select(l => l.Attribute("hreflang")!.Value));
    }

    [Fact]
    public async Task AnUnknownPageInArabic_IsAFriendly404InArabic()
    {
        using var response = await _client.GetAsync("/ar/no-such-page");
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("الصفحة غير موجودة", page.QuerySelector("h1")!.Text());
        Assert.Equal("/ar", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/arabic")]
    [InlineData("/fr/statement")]
    [InlineData("/ar/ar/statement")]
    public async Task OnlyTheSiteLanguages_ArePrefixes(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ValidationMessages_AreInThePagesLanguage()
    {
        using var response = await _client.SubmitFormAsync("/ar/join", Html.Values(("Input.Email", ""), ("Input.Consent", "false")));
        var page = await response.ReadDocumentAsync();

        Assert.Equal("أدخل عنوان بريدك الإلكتروني.", page.FieldError("Input.Email"));
        Assert.Equal("أشِر إلى المربع بالموافقة لنتمكّن من مراسلتك.", page.FieldError("Input.Consent"));
        Assert.Equal("هناك مشكلة", page.QuerySelector(".error-summary h2")!.Text());
    }

    [Fact]
    public async Task Dates_FollowTheLanguage()
    {
        var english = await _client.GetDocumentAsync("/testimonials");
        var arabic = await _client.GetDocumentAsync("/ar/testimonials");

        var englishDate = english.QuerySelector("figure.testimonial time")!.Text();
        var arabicDate = arabic.QuerySelector("figure.testimonial time")!.Text();
        Assert.Matches("[A-Za-z]", englishDate);
        Assert.DoesNotMatch("[A-Za-z]", arabicDate);
        Assert.Equal(english.QuerySelector("figure.testimonial time")!.GetAttribute("datetime"), arabic.QuerySelector("figure.testimonial time")!.GetAttribute("datetime"));
        // The Arabic stars' label is asserted where ratings are turned on (DisplayTests): they are off by default.
    }
}
