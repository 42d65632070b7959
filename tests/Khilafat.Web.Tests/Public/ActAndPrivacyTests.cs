using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Public;

public class ActAndPrivacyTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/act", "en", "ltr", "Take action", "/join", "/relief")]
    [InlineData("/ar/act", "ar", "rtl", "شارك في العمل", "/ar/join", "/ar/relief")]
    [InlineData("/ur/act", "ur", "rtl", "عملی قدم اٹھائیں", "/ur/join", "/ur/relief")]
    public async Task Act_InEachLanguage_OffersReliefAndTheMailingList(string path, string lang, string dir, string heading, string join, string relief)
    {
        var page = await _client.GetDocumentAsync(path);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(dir, page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(heading, page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("#relief-heading"));
        Assert.NotNull(page.QuerySelector($"#join-heading ~ p a.button[href='{join}']"));
        Assert.NotNull(page.QuerySelector($"main a[href='{relief}']"));
        Assert.NotNull(page.QuerySelector($"main a[href='{(lang == "en" ? "" : "/" + lang)}/how-we-choose']"));
    }

    [Theory]
    [InlineData("/relief", "en", "Give to relief")]
    [InlineData("/ar/relief", "ar", "تبرّع للإغاثة")]
    [InlineData("/ur/relief", "ur", "امداد کے لیے عطیہ دیں")]
    public async Task Relief_InEachLanguage_LinksToHowWeChoose(string path, string lang, string heading)
    {
        var page = await _client.GetDocumentAsync(path);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector($"main a[href='{(lang == "en" ? "" : "/" + lang)}/how-we-choose']"));
    }

    [Fact]
    public async Task TheSitemap_ListsActReliefAndPrivacy_InEveryLanguage_AndTheUntranslatedCriteria_InEnglishOnly()
    {
        var xml = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync("/sitemap.xml"));
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var locations = xml.Descendants(ns + "loc").Select(l => l.Value).ToHashSet();
        foreach (var path in new[] { "/act", "/relief", "/privacy" })
            foreach (var prefix in new[] { "", "/ar", "/ur" })
                Assert.Contains("https://localhost" + prefix + path, locations);
        // Seeded in English only: its other addresses show the English and name it canonical.
        Assert.Contains("https://localhost/how-we-choose", locations);
        Assert.DoesNotContain("https://localhost/ar/how-we-choose", locations);
        Assert.DoesNotContain("https://localhost/ur/how-we-choose", locations);
    }

    [Fact]
    public async Task HowWeChoose_IsSeeded_WithTheCriteria()
    {
        var page = await _client.GetDocumentAsync("/how-we-choose");

        Assert.Equal("How we choose relief organisations", page.QuerySelector("h1")!.Text());
        var text = page.QuerySelector(".prose")!.Text();
        Assert.Contains("It is registered.", text);
        Assert.Contains("never handles donations", text);
        Assert.Contains("at least once a year", text);
    }

    [Theory]
    [InlineData("/", "/act", "Act")]
    [InlineData("/statement", "/act", "Act")]
    [InlineData("/faq", "/act", "Act")]
    [InlineData("/history", "/act", "Act")]
    [InlineData("/updates", "/act", "Act")]
    [InlineData("/testimonials", "/act", "Act")]
    [InlineData("/testimonials/share", "/act", "Act")]
    [InlineData("/join", "/act", "Act")]
    [InlineData("/relief", "/act", "Act")]
    [InlineData("/privacy", "/act", "Act")]
    [InlineData("/ar", "/ar/act", "شارك")]
    [InlineData("/ar/faq", "/ar/act", "شارك")]
    [InlineData("/ur/statement", "/ur/act", "عمل کریں")]
    [InlineData("/no-such-page", "/act", "Act")]
    public async Task EveryPublicPage_HasTheActButtonInItsHeader_AndOneFooter(string path, string href, string label)
    {
        using var response = await _client.GetAsync(path);
        var page = await response.ReadDocumentAsync();

        var act = Assert.Single(page.QuerySelectorAll("header a.header-action"));
        Assert.Equal(href, act.GetAttribute("href"));
        Assert.Equal(label, act.Text());
        Assert.Single(page.QuerySelectorAll("footer"));
    }

    [Fact]
    public async Task TheActButton_IsMarkedCurrentOnAct_AndNowhereElse()
    {
        var act = await _client.GetDocumentAsync("/act");
        var faq = await _client.GetDocumentAsync("/faq");

        Assert.Equal("page", act.QuerySelector("a.header-action")!.GetAttribute("aria-current"));
        Assert.Null(faq.QuerySelector("a.header-action")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TheHomePage_LinksToAct()
    {
        var home = await _client.GetDocumentAsync("/");

        Assert.Equal("Take action", home.QuerySelector("main a[href='/act']")!.Text());
    }

    [Fact]
    public async Task Privacy_IsSeeded_AndSaysWhatIsKeptAndForHowLong()
    {
        var page = await _client.GetDocumentAsync("/privacy");

        Assert.Equal("Privacy", page.QuerySelector("h1")!.Text());
        var text = page.QuerySelector(".prose")!.Text();
        Assert.Contains("erased, with its emails, 30 days after it was made", text);
        Assert.Contains("works for 7 days", text);
        Assert.Contains("at most 3 such emails a day", text);
        Assert.Contains("30 days after an editor decides not to publish them", text);
        Assert.Contains("The site loads nothing from other sites", text);
        Assert.Contains("Leave the mailing list", text);
        Assert.Contains("erased completely", text);
    }

    [Fact]
    public async Task Privacy_SaysNothingOfTheNetworkAddressIsKeptWithASignUpSignatureOrAnswer_AndATestimonialsHashOnlyForAnHour()
    {
        var page = await _client.GetDocumentAsync("/privacy");

        foreach (var heading in new[] { "The mailing list", "Petitions", "Events" })
        {
            var section = Section(page, heading);
            Assert.DoesNotContain("network address", section);
            Assert.DoesNotContain("hash", section);
        }
        Assert.Contains("We also keep a keyed hash of your network address (see below) for an hour, to recognise the same words sent twice, and then erase it.",
            Section(page, "Testimonials"));
        var addresses = Section(page, "Network addresses");
        Assert.Contains("Your IP address is never stored, and nothing made from it is kept with your sign-up, your signature or your answer to an event.", addresses);
        Assert.Contains("A testimonial alone keeps a keyed hash of the address", addresses);
        Assert.Contains("for 10 minutes, and then forgets them", addresses);
        // Whoever holds the database and the key can try every IPv4 address: the notice no longer says otherwise.
        Assert.DoesNotContain("cannot be read back", page.QuerySelector(".prose")!.Text());
    }

    /// <summary>The words under a heading of a page, up to the next heading.</summary>
    private static string Section(AngleSharp.Html.Dom.IHtmlDocument page, string heading)
    {
        var words = new List<string>();
        var h2 = page.QuerySelectorAll(".prose h2").Single(h => h.Text().Trim() == heading);
        for (var next = h2.NextElementSibling; next is not null && next.LocalName != "h2"; next = next.NextElementSibling) words.Add(next.Text());
        return string.Join("\n", words);
    }

    // The consent boxes of the Arabic and Urdu forms link here: what is kept, and for how long, in the reader's language.
    [Theory]
    [InlineData("/ar/privacy", "ar", "الخصوصية", "الفعاليات", "90 يومًا")]
    [InlineData("/ur/privacy", "ur", "رازداری", "تقریبات", "90 دن")]
    public async Task Privacy_InArabicAndUrdu_IsTranslated_WithTheNoticeThatItAwaitsReview(string path, string lang, string title, string events, string undated)
    {
        var page = await _client.GetDocumentAsync(path);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("main h1")!.Text());
        Assert.Null(page.QuerySelector("article [lang=en]"));
        Assert.Equal("/privacy", page.QuerySelector("main .review-notice a[hreflang=en]")!.GetAttribute("href"));
        // Every section of the English, the events' with the postponed ones' bound.
        Assert.Equal(10, page.QuerySelectorAll(".prose h2").Length);
        Assert.Contains(undated, Section(page, events));
    }

    [Theory]
    [InlineData("/join", "/privacy")]
    [InlineData("/testimonials/share", "/privacy")]
    [InlineData("/ar/join", "/ar/privacy")]
    [InlineData("/ur/testimonials/share", "/ur/privacy")]
    public async Task EveryConsentText_HasThePrivacyNoticeBesideIt(string path, string privacy)
    {
        var page = await _client.GetDocumentAsync(path);

        var consent = page.QuerySelector("input[name='Input.Consent'][type=checkbox]")!.Closest(".field")!;
        Assert.NotNull(consent.QuerySelector($"a[href='{privacy}']"));
    }

    [Theory]
    [InlineData("/", "/privacy", "Privacy")]
    [InlineData("/ar/faq", "/ar/privacy", "الخصوصية")]
    [InlineData("/ur/act", "/ur/privacy", "رازداری")]
    public async Task TheFooter_HasTheMission_ThePrivacyLink_AndTheLanguages(string path, string privacy, string label)
    {
        var page = await _client.GetDocumentAsync(path);
        var footer = page.QuerySelector("footer")!;

        Assert.Equal(label, footer.QuerySelector($"a[href='{privacy}']")!.Text());
        Assert.False(string.IsNullOrWhiteSpace(footer.QuerySelector(".footer-mission")!.Text()));
        Assert.Equal(3, footer.QuerySelectorAll("nav.footer-languages a[hreflang]").Length);
        // Contact and operator are settings, unset here: no empty line stands for them.
        Assert.Null(footer.QuerySelector(".footer-about"));
        Assert.Null(footer.QuerySelector("a[href^='mailto:']"));
    }
}

/// <summary>A site whose operator and contact address are set.</summary>
public class FooterContactTests(FooterContactTests.Site factory) : IClassFixture<FooterContactTests.Site>
{
    public class Site : SiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
        [
            new("Site:ContactEmail", "write@khilafat.example.org"),
            new("Site:Operator", "The Khilafat Movement Trust"),
        ]);
    }

    [Theory]
    [InlineData("/", "Contact:", "This site is run by The Khilafat Movement Trust.")]
    [InlineData("/ar/privacy", "للتواصل:", "يدير هذا الموقع The Khilafat Movement Trust.")]
    public async Task TheFooter_ShowsTheContactAddressAndWhoRunsTheSite(string path, string contactLabel, string operatorLine)
    {
        var page = await factory.CreateClient().GetDocumentAsync(path);
        var about = page.QuerySelector("footer .footer-about")!;

        Assert.Equal("write@khilafat.example.org", about.QuerySelector("a[href='mailto:write@khilafat.example.org']")!.Text());
        Assert.Contains(contactLabel, about.Text());
        Assert.Contains(operatorLine, about.Text());
    }
}
