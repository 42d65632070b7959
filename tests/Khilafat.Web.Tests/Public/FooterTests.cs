using System.Net;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Public;

/// <summary>Issue 17's "real footer": mission, an inline sign-up beside the consent it leads to, privacy, languages.</summary>
public class FooterTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/testimonials", "/join", "/privacy")]
    [InlineData("/ar/faq", "/ar/join", "/ar/privacy")]
    [InlineData("/ur/act", "/ur/join", "/ur/privacy")]
    public async Task EveryPublicPage_EndsInAFooterWithAnInlineSignUp_ThatLeadsToTheFullForm(string path, string join, string privacy)
    {
        var page = await _client.GetDocumentAsync(path);

        var footer = page.QuerySelector("footer.site-footer")!;
        var form = footer.QuerySelector("form.inline-join")!;
        // A POST to the real form's "Continue" (which prefills the address), without a token: the page is cached, so
        // a token in it would be someone else's.
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(join + "?handler=Continue", form.GetAttribute("action"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        var email = form.QuerySelector("input[name=email][type=email]")!;
        Assert.Equal("ltr", email.GetAttribute("dir"));
        var label = form.QuerySelector("label")!;
        Assert.Equal(email.Id, label.GetAttribute("for"));
        // Its own words, so a page's own "Email address" field keeps a label no other field shares.
        Assert.DoesNotContain(page.QuerySelectorAll("main label"), l => l.Text().Trim() == label.Text().Trim());
        Assert.Equal(1, page.QuerySelectorAll($"#{email.Id}").Length);
        Assert.NotNull(footer.QuerySelector($".consent-note a[href='{privacy}']"));
        Assert.NotNull(footer.QuerySelector(".footer-mission"));
    }

    [Fact]
    public async Task TheJoinPage_AndLongPages_HaveNoSecondSignUpInTheirFooter_AndTheFootersAddressIsFilledIn()
    {
        Assert.Null((await _client.GetDocumentAsync("/join")).QuerySelector("footer .inline-join"));
        // The statement ends in its own panel with the sign-up: the page has it once.
        var statement = await _client.GetDocumentAsync("/statement");
        Assert.Single(statement.QuerySelectorAll("form.inline-join"));
        Assert.Null(statement.QuerySelector("footer .inline-join"));
    }

    [Theory]
    [InlineData("/statement", "/join")]
    [InlineData("/ar/faq", "/ar/join")]
    public async Task TheInlineSignUp_FillsInTheFullForm_WithTheAddressKeptOutOfTheUrl_AndNothingStoredUntilItIsSent(string path, string join)
    {
        var inline = (await _client.GetDocumentAsync(path)).Form("form.inline-join");
        var email = Visitor.NewAddress("inline");
        // A visitor's first request to the site's forms: no anti-forgery cookie yet, as after reading a cached page.
        using var visitor = factory.CreateClient();

        using var response = await visitor.SubmitAsync(inline, path, Html.Values(("email", $" {email} ")));

        var filled = await response.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("example.org", response.RequestMessage!.RequestUri!.ToString());
        Assert.Null(filled.QuerySelector(".error-summary"));
        var form = filled.Form("main form");
        Assert.Equal(email, form.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        // The full form posts to the page itself, not to "Continue" again, and it carries its token.
        Assert.Equal(join, form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Null(await factory.SubscriberAsync(email));

        using var sent = await visitor.SubmitAsync(form, join, Html.Values(("Input.Consent", "true")));
        Assert.Equal(join + "/thanks", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(email))?.Status);
    }
}
