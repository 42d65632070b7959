using System.Net;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.MailingList;

public class SignUpValidationTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    public static TheoryData<string, string?, string?, bool, string, string> BadInput => new()
    {
        { "", null, null, true, "Input.Email", "Enter your email address." },
        { "   ", null, null, true, "Input.Email", "Enter your email address." },
        { "not-an-email", null, null, true, "Input.Email", "Enter an email address like name@example.org." },
        { "two@at@example.org x", null, null, true, "Input.Email", "Enter an email address like name@example.org." },
        { "{new}", new string('n', 101), null, true, "Input.Name", "Your name must be at most 100 characters." },
        { "{new}", "Amina\nVisit https://evil.example to claim your prize", null, true, "Input.Name", SingleLine },
        { "{new}", "Amina\r\nKhan", null, true, "Input.Name", SingleLine },
        { "{new}", "Amina\u2028Khan", null, true, "Input.Name", SingleLine },
        { "{new}", "Prize at https://evil.example", null, true, "Input.Name", SingleLine },
        { "{new}", "Prize at www.evil.example", null, true, "Input.Name", SingleLine },
        { "{new}", "Prize at evil.example", null, true, "Input.Name", SingleLine },
        { "{new}", "Write to prizes@evil.example", null, true, "Input.Name", SingleLine },
        { "{new}", "Prize at //evil.example", null, true, "Input.Name", SingleLine },
        // Full stops that browsers and mail programs read as dots in an address.
        { "{new}", "Claim prize at phish\u3002com", null, true, "Input.Name", SingleLine },
        { "{new}", "Claim prize at phish\uFF0Ecom", null, true, "Input.Name", SingleLine },
        { "{new}", "Claim prize at phish\uFF61com", null, true, "Input.Name", SingleLine },
        { "{new}", "Claim prize at phish\u2024com", null, true, "Input.Name", SingleLine },
        { "{new}", "<b>Amina</b>", null, true, "Input.Name", SingleLine },
        { "{new}", null, "QQ", true, "Input.Country", "Choose a country from the list, or leave it empty." },
        { "{new}", null, "PAK", true, "Input.Country", "Choose a country from the list, or leave it empty." },
        { "{new}", null, null, false, "Input.Consent", "Tick the box to agree, so that we may email you." },
    };

    private const string SingleLine = "Write your name on one line, without web or email addresses.";

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_IsShownBesideItsField_AndNothingIsStoredOrSent(string email, string? name, string? country, bool consent, string field, string message)
    {
        var client = factory.CreateClient();
        email = email.Replace("{new}", Visitor.NewAddress("invalid"));
        var subscribers = await factory.SubscriberCountAsync();
        var outbox = await factory.OutboxCountAsync();

        using var response = await client.SignUpAsync(email, name, country, consent);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/join", response.LandedOnPath());
        Assert.Equal(message, page.FieldError(field));
        Assert.Contains(message, page.QuerySelector(".error-summary")!.Text());
        // What was typed is kept, so it can be corrected.
        if (!string.IsNullOrWhiteSpace(email)) Assert.Equal(email, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Email']")!).Value);
        Assert.Equal(subscribers, await factory.SubscriberCountAsync());
        Assert.Equal(outbox, await factory.OutboxCountAsync());
    }

    // The message was the attribute's constructor's, which is not looked up in the resources: English on every form.
    [Theory]
    [InlineData("/ur/join", "اپنا نام ایک سطر میں لکھیں، ویب سائٹ یا ای میل کے پتے کے بغیر۔")]
    [InlineData("/ar/join", "اكتب اسمك في سطر واحد، دون عناوين مواقع أو بريد إلكتروني.")]
    public async Task ANameWithALink_IsRefusedInTheFormsLanguage(string path, string expected)
    {
        using var response = await factory.CreateClient().SubmitFormAsync(path, Visitor.SignUpValues(Visitor.NewAddress("named"), "Prize at evil.example"));

        Assert.Equal(expected, (await response.ReadDocumentAsync()).FieldError("Input.Name"));
    }

    [Theory]
    [InlineData("Amina Khan")]
    [InlineData("St. John O'Neil-Smith")]
    [InlineData("J. R. Okafor")]
    [InlineData("فاطمة الزهراء")]
    [InlineData("محمد علی")]
    public async Task OrdinaryNames_AreAccepted_AndGreetTheReader(string name)
    {
        var email = Visitor.NewAddress("named");

        await factory.CreateClient().SignUpAndSeeThanksAsync(email, name);

        Assert.Equal(name, (await factory.SubscriberAsync(email))!.Name);
    }

    [Fact]
    public async Task NameAndEmail_AreStoredWithoutBidiControlsOrZeroWidthCharacters()
    {
        var email = Visitor.NewAddress("invisible");
        var typed = email.Replace("@", "\u200B@", StringComparison.Ordinal) + "\u200E";

        await factory.CreateClient().SignUpAndSeeThanksAsync(typed, "\u202EAmina\u202C Kh\u200Ban");

        var stored = await factory.SubscriberAsync(email);
        Assert.NotNull(stored);
        Assert.Equal((email, "Amina Khan"), (stored.Email, stored.Name));
    }

    [Fact]
    public async Task ACountryCodeOfThreeLetters_IsReportedOnce_InTheSummaryAndBesideTheField()
    {
        var subscribers = await factory.SubscriberCountAsync();

        using var response = await factory.CreateClient().SignUpAsync(Visitor.NewAddress("typo"), null, "PAK");
        var page = await response.ReadDocumentAsync();

        Assert.Equal("Choose a country from the list, or leave it empty.", page.FieldError("Input.Country"));
        Assert.Equal(["Choose a country from the list, or leave it empty."], page.QuerySelectorAll(".error-summary li").Select(li => li.Text()));
        Assert.Equal(subscribers, await factory.SubscriberCountAsync());
    }

    [Fact]
    public async Task AFilledHoneypot_ShowsTheThanksPage_ButStoresAndSendsNothing()
    {
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("robot");
        var subscribers = await factory.SubscriberCountAsync();
        var outbox = await factory.OutboxCountAsync();
        var values = Visitor.SignUpValues(email, "Robot", "PK");
        values["Input.Website"] = "https://spam.example";

        using var response = await client.SubmitFormAsync("/join", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/join/thanks", response.LandedOnPath());
        Assert.Equal("Check your email", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        Assert.Null(await factory.SubscriberAsync(email));
        Assert.Equal(subscribers, await factory.SubscriberCountAsync());
        Assert.Equal(outbox, await factory.OutboxCountAsync());
        await factory.RunSenderRoundAsync();
        Assert.Empty(factory.Smtp.MessagesTo(email));
    }

    [Fact]
    public async Task TheCountryList_OffersEveryCountryByItsCode_NamedInEnglishOnTheEnglishPage()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/join");

        var options = page.QuerySelectorAll("select[name='Input.Country'] option").ToList();
        Assert.Equal("", options[0].GetAttribute("value"));
        Assert.True(options.Count > 200, $"Only {options.Count - 1} countries to choose from.");
        var byCode = options.Skip(1).ToDictionary(o => o.GetAttribute("value")!, o => o.Text());
        Assert.Equal(
            ["Pakistan", "India", "Bangladesh", "Egypt", "Saudi Arabia", "United Kingdom", "United States", "Germany", "France"],
            new[] { "PK", "IN", "BD", "EG", "SA", "GB", "US", "DE", "FR" }.Select(code => byCode[code]));
    }
}

public class SignUpRateLimitTests(LowSignUpLimitFactory factory) : IClassFixture<LowSignUpLimitFactory>
{
    [Fact]
    public async Task TooManySignUpsFromOneAddress_Answer429WithTheFormAndAMessage_AndStoreNothing()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(MailSiteFactory.ClientAddressHeader, "198.51.100.23");
        for (var i = 0; i < LowSignUpLimitFactory.Limit; i++) await client.SignUpAndSeeThanksAsync(Visitor.NewAddress("eager"));
        var email = Visitor.NewAddress("one-too-many");

        using var response = await client.SignUpAsync(email);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Join the mailing list", page.QuerySelector("h1")!.Text());
        Assert.Contains("Please wait a minute and send again.", page.QuerySelector("main .error-summary")!.Text());
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("header nav"));
        Assert.Null(await factory.SubscriberAsync(email));

        // Another address is not held back by this one, and reading the form is never limited.
        await client.GetDocumentAsync("/join");
        var neighbour = factory.CreateClient();
        neighbour.DefaultRequestHeaders.Add(MailSiteFactory.ClientAddressHeader, "198.51.100.24");
        await neighbour.SignUpAndSeeThanksAsync(Visitor.NewAddress("neighbour"));
    }

    [Fact]
    public async Task IPv6Addresses_CountPerSlash64_SoChangingTheLowBitsDoesNotEscapeTheLimit()
    {
        for (var i = 0; i < LowSignUpLimitFactory.Limit; i++)
            await Client($"2001:db8:77:1::{i + 1:x}").SignUpAndSeeThanksAsync(Visitor.NewAddress("six"));

        using var response = await Client("2001:db8:77:1:ffff:ffff:ffff:fffe").SignUpAsync(Visitor.NewAddress("six-more"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        // The next /64 is another subscriber.
        await Client("2001:db8:77:2::1").SignUpAndSeeThanksAsync(Visitor.NewAddress("six-neighbour"));
    }

    private HttpClient Client(string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(MailSiteFactory.ClientAddressHeader, address);
        return client;
    }
}
