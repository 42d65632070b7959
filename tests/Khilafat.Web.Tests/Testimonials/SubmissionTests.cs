using System.Net;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Testimonials;

public class SubmissionTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Submission_IsStoredAsPending_ThanksTheSubmitter_AndIsNotShown()
    {
        var client = factory.CreateClient();

        using var response = await factory.ShareAsync(client, TestimonialTestSupport.Valid("Pending Person"));
        var thanks = await response.ReadDocumentAsync();

        Assert.Equal("/testimonials/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("will appear on the site once an editor has reviewed it", thanks.QuerySelector("main")!.Text());
        var stored = await factory.FindAsync("Pending Person");
        Assert.Equal(TestimonialStatus.Pending, stored!.Status);
        Assert.Equal("Lahore", stored.Place);
        Assert.Equal(5, stored.Rating);
        Assert.Equal(TestimonialConsent.Text, stored.ConsentText);
        Assert.NotNull(stored.IpHash);
        Assert.DoesNotContain("Pending Person", await client.GetStringAsync("/testimonials"));
        Assert.DoesNotContain("Pending Person", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task SubmissionForm_WorksWithoutScript_AndLinksFromTheList()
    {
        var client = factory.CreateClient();
        var list = await client.GetDocumentAsync("/testimonials");
        Assert.NotNull(list.QuerySelector("main a[href='/testimonials/share']"));

        var form = await client.GetDocumentAsync("/testimonials/share");
        Assert.Empty(form.QuerySelectorAll("script:not([src])"));
        Assert.Equal(5, form.QuerySelectorAll("input[type=radio][name='Input.Rating']").Length);
        Assert.NotNull(form.QuerySelector("label[for='Input_Text']"));
        Assert.NotNull(form.QuerySelector("fieldset legend"));
    }

    [Fact]
    public async Task Honeypot_GoesToSpam_ButTheSubmitterSeesTheSameThanks()
    {
        var values = TestimonialTestSupport.Valid("Honey Bot");
        values["Input.Website"] = "http://spam.example";

        using var response = await factory.ShareAsync(factory.CreateClient(), values);

        Assert.Equal("/testimonials/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await factory.FindAsync("Honey Bot");
        Assert.Equal(TestimonialStatus.Spam, stored!.Status);
        Assert.Contains("honeypot", stored.SpamReason);
    }

    [Fact]
    public async Task PostedSoonerThanThreeSeconds_GoesToSpam()
    {
        using var response = await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid("Fast Bot"), fillTime: TimeSpan.FromSeconds(1));

        Assert.Equal("/testimonials/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await factory.FindAsync("Fast Bot");
        Assert.Equal(TestimonialStatus.Spam, stored!.Status);
        Assert.Equal("posted too fast", stored.SpamReason);
    }

    [Theory]
    [InlineData(3.5, TestimonialStatus.Pending, null)]
    [InlineData(4.5, TestimonialStatus.Spam, "form stamp expired")]
    [InlineData(24 * 30, TestimonialStatus.Spam, "form stamp expired")]
    public async Task AFormStampOlderThanFourHours_IsAReplay_AndGoesToSpam(double hours, TestimonialStatus status, string? reason)
    {
        var name = "Stamp Age " + hours;

        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid(name), TimeSpan.FromHours(hours));

        var stored = await factory.FindAsync(name);
        Assert.Equal((status, reason), (stored!.Status, stored.SpamReason));
    }

    [Fact]
    public async Task ForgedFormStamp_GoesToSpam()
    {
        var values = TestimonialTestSupport.Valid("Forger Bot");
        values["Input.FormStamp"] = "not-a-stamp";

        await factory.ShareAsync(factory.CreateClient(), values);

        Assert.Equal(TestimonialStatus.Spam, (await factory.FindAsync("Forger Bot"))!.Status);
    }

    [Fact]
    public async Task TextWithALink_IsQueuedAsLikelySpam_NotRejected()
    {
        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid("Link Person", "Visit https://example.com for cheap things right now."));

        var stored = await factory.FindAsync("Link Person");
        Assert.Equal(TestimonialStatus.Spam, stored!.Status);
        Assert.Equal("contains a link", stored.SpamReason);
    }

    [Fact]
    public async Task BlocklistedWord_HoldsItForReview_NotAsSpam_AndEditorsCanChangeTheList()
    {
        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid("Casino Person", "Best casino offers for everyone who reads this."));
        var casino = await factory.FindAsync("Casino Person");
        Assert.Equal((TestimonialStatus.Pending, "blocklisted word: casino"), (casino!.Status, casino.SpamReason));

        var (editor, _) = await factory.SignedInClientAsync(Khilafat.Web.Accounts.Roles.Editor);
        Assert.Contains("Held for review: blocklisted word: casino", (await editor.GetDocumentAsync("/admin/testimonials?status=Pending")).QuerySelector("main table")!.Text());
        using var saved = await editor.SubmitFormAsync("/admin/testimonials/blocklist", Html.Values(("Words", "pineapple\nbanana bread")));
        Assert.Contains("pineapple", (await editor.GetDocumentAsync("/admin/testimonials/blocklist")).QuerySelector("textarea")!.TextContent);

        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid("Fruit Person", "I love Pineapple and the movement's message of peace."));
        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid("Skill Person", "Pineapples are fine; the movement gave me skills and hope."));
        var fruit = await factory.FindAsync("Fruit Person");
        var skill = await factory.FindAsync("Skill Person");
        Assert.Equal((TestimonialStatus.Pending, "blocklisted word: pineapple"), (fruit!.Status, fruit.SpamReason));
        Assert.Equal((TestimonialStatus.Pending, null), (skill!.Status, skill.SpamReason));
    }

    public static TheoryData<string, TestimonialStatus, string?> InvisibleTricks => new()
    {
        { "Visit https\u200B://example.com for cheap things right now.", TestimonialStatus.Spam, "contains a link" },
        { "Visit example\u200B.com for cheap things right now.", TestimonialStatus.Spam, "contains a link" },
        { "Visit www\u2060.cheap-things.example right now, friends.", TestimonialStatus.Spam, "contains a link" },
        { "Visit \uFF57\uFF57\uFF57.cheap-things.example right now, friends.", TestimonialStatus.Spam, "contains a link" },
        { "Best cas\u200Bino offers for everyone who reads this.", TestimonialStatus.Pending, "blocklisted word: casino" },
        { "Best ca\u00ADsi\uFEFFno offers for everyone who reads this.", TestimonialStatus.Pending, "blocklisted word: casino" },
        { "Best \uFF43\uFF41\uFF53\uFF49\uFF4E\uFF4F offers for everyone who reads this.", TestimonialStatus.Pending, "blocklisted word: casino" },
        { "Best c\u200Dasino offers for everyone who reads this.", TestimonialStatus.Pending, "blocklisted word: casino" },
    };

    [Theory]
    [MemberData(nameof(InvisibleTricks))]
    public async Task InvisibleCharacters_DoNotHideALinkOrABlocklistedWord(string text, TestimonialStatus status, string? reason)
    {
        var name = "Tricky " + Guid.NewGuid().ToString("N")[..8];

        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid(name, text));

        var stored = await factory.FindAsync(name);
        Assert.Equal((status, reason), (stored!.Status, stored.SpamReason));
    }

    [Theory]
    [InlineData("They survived the massacre in Gaza; the movement stood by them with food and water.")]
    [InlineData("No one may exterminate a people. The movement taught me to answer grief with lawful action.")]
    [InlineData("My cousin was killed in the bombing. The movement gave our family hope and help.")]
    public async Task WordsOfGrief_AreNotHeldOrMarkedAsSpam(string text)
    {
        var name = "Grieving " + Guid.NewGuid().ToString("N")[..8];

        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid(name, text));

        var stored = await factory.FindAsync(name);
        Assert.Equal((TestimonialStatus.Pending, null), (stored!.Status, stored.SpamReason));
    }

    [Fact]
    public async Task NamesPlacesAndEmails_AreStoredWithoutBidiControlsOrZeroWidthCharacters()
    {
        var values = TestimonialTestSupport.Valid("Ami\u200Bna \u202EnahK\u202C\u200F");
        values["Input.Place"] = "\u2066La\u200Bhore\u2069";
        values["Input.Email"] = "no\u200Btice@example.org\uFEFF";
        values["Input.NotifyOnPublish"] = "true";

        using var response = await factory.ShareAsync(factory.CreateClient(), values);

        Assert.Equal("/testimonials/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await factory.FindAsync("Amina nahK");
        Assert.NotNull(stored);
        Assert.Equal(("Lahore", "notice@example.org"), (stored.Place, stored.Email));
    }

    [Fact]
    public async Task AnUrduNameKeepsItsZeroWidthNonJoiner_BetweenLetters()
    {
        await factory.ShareAsync(factory.CreateClient(), TestimonialTestSupport.Valid("\u200Cنرگس\u200Cخان\u200B"));

        Assert.NotNull(await factory.FindAsync("نرگس\u200Cخان"));
    }

    [Fact]
    public async Task ANameOfInvisibleCharactersOnly_IsRefusedBesideTheField()
    {
        var values = TestimonialTestSupport.Valid("\u200B\u202E\u200F");

        using var response = await factory.ShareAsync(factory.CreateClient(), values);

        Assert.Equal("Enter the name to show with your words.", (await response.ReadDocumentAsync()).FieldError("Input.DisplayName"));
    }

    [Theory]
    [InlineData("Input.DisplayName", "", "Enter the name to show with your words.")]
    [InlineData("Input.DisplayName", "81", "The name must be at most 80 characters.")]
    [InlineData("Input.Place", "81", "The place must be at most 80 characters.")]
    [InlineData("Input.Rating", "", "Choose a rating from 1 to 5 stars.")]
    [InlineData("Input.Rating", "6", "Choose a rating from 1 to 5 stars.")]
    [InlineData("Input.Rating", "abc", "This value is not valid.")]
    [InlineData("Input.Text", "", "Write what the movement means to you.")]
    [InlineData("Input.Text", "19", "Write between 20 and 2000 characters.")]
    [InlineData("Input.Text", "2001", "Write between 20 and 2000 characters.")]
    [InlineData("Input.Email", "not-an-email", "Enter an email address like name@example.org, or leave it empty.")]
    [InlineData("Input.Consent", "false", "Tick the box to agree, so that we may publish your words.")]
    public async Task BadField_GetsAMessageBesideIt_AndNothingIsStored(string field, string value, string message)
    {
        var name = "Invalid " + Guid.NewGuid().ToString("N")[..8];
        var values = TestimonialTestSupport.Valid(name);
        values[field] = int.TryParse(value, out var length) && field != "Input.Rating" ? new string('x', length) : value;

        using var response = await factory.ShareAsync(factory.CreateClient(), values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/testimonials/share", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(message, page.FieldError(field));
        Assert.Contains(message, page.QuerySelector(".error-summary")!.Text());
        Assert.Null(await factory.FindAsync(name));
    }

    [Fact]
    public async Task AskingForANotice_WithoutAnEmail_IsRefusedBesideTheEmailField()
    {
        var values = TestimonialTestSupport.Valid("Notice Without Email");
        values["Input.NotifyOnPublish"] = "true";

        using var response = await factory.ShareAsync(factory.CreateClient(), values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal("Enter your email address, so that we can tell you when your words are published.", page.FieldError("Input.Email"));
        Assert.Null(await factory.FindAsync("Notice Without Email"));
    }

    [Fact]
    public async Task AnEmailWithoutAskingForANotice_IsNotKept()
    {
        var values = TestimonialTestSupport.Valid("Email No Notice");
        values["Input.Email"] = "quiet@example.org";

        await factory.ShareAsync(factory.CreateClient(), values);

        Assert.Null((await factory.FindAsync("Email No Notice"))!.Email);
    }
}

public class SubmissionRateLimitTests(SubmissionRateLimitTests.Factory factory) : IClassFixture<SubmissionRateLimitTests.Factory>
{
    public sealed class Factory : SiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("RateLimits:Testimonials", "2")];
    }

    [Fact]
    public async Task BeyondTheLimit_TheVisitorGets429WithTheirWordsStillInTheForm_AndNothingIsStored()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await factory.ShareAsync(client, TestimonialTestSupport.Valid($"Within Limit {i}"));
            Assert.Equal("/testimonials/thanks", ok.RequestMessage!.RequestUri!.AbsolutePath);
        }

        using var refused = await factory.ShareAsync(client, TestimonialTestSupport.Valid("Over Limit"));
        var page = await refused.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Share what the movement means to you", page.QuerySelector("h1")!.Text());
        Assert.Contains("Too many submissions from your network just now.", page.QuerySelector("main .error-summary")!.Text());
        Assert.Equal("Over Limit", page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        Assert.Equal(TestimonialTestSupport.Valid("Over Limit")["Input.Text"], page.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header nav"));
        Assert.Null(await factory.FindAsync("Over Limit"));
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/testimonials/share")).StatusCode);
    }
}
