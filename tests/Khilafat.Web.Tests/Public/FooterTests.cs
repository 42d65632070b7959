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
        // A GET to the real form (which prefills the address): the page is cached, so it carries no token of anyone's.
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(join, form.GetAttribute("action"));
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

        var prefilled = await _client.GetDocumentAsync("/join?email=amina%40example.org");
        Assert.Equal("amina@example.org", prefilled.QuerySelector("main input[type=email]")!.GetAttribute("value"));
    }
}
