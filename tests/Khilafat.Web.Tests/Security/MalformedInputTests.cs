using System.Net;
using System.Text;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Security;

/// <summary>Requests no form of the site sends, answered with a refusal and the friendly error page: never a 500.</summary>
public class MalformedInputTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    // ASP.NET Core's binder kept such text as the box's attempted value, and showing the form again threw converting it.
    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("maybe")]
    [InlineData("")]
    public async Task ATickBoxWithAValueNoBrowserSends_IsRefused_AndNothingIsKept(string value)
    {
        var email = $"forged-box-{Guid.NewGuid():N}@example.org";

        using var response = await factory.CreateClient().SubmitFormAsync("/join", Html.Values(("Input.Email", email), ("Input.Consent", value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Bad request", page.QuerySelector("h1")?.Text());
        Assert.False(await SubscribedAsync(email));
    }

    [Fact]
    public async Task ATickBoxSentAsOn_AsABrowserSendsABoxWithoutAValue_CountsAsTicked()
    {
        var email = $"box-on-{Guid.NewGuid():N}@example.org";

        using var response = await factory.CreateClient().SubmitFormAsync("/join", Html.Values(("Input.Email", email), ("Input.Consent", "on")));

        Assert.Equal("/join/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(await SubscribedAsync(email));
    }

    [Fact]
    public async Task OneClickUnsubscribe_WithABodyCutShortOrPastTheFormLimits_Is400()
    {
        var client = factory.CreateClient();
        var cut = new StringContent("--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Cl", Encoding.ASCII);
        cut.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        using var cutShort = await client.PostAsync(OneClickUnsubscribe.Path + "?token=x", cut);
        var many = Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"f{i}", "1")).Append(new("List-Unsubscribe", "One-Click"));
        using var tooMany = await client.PostAsync(OneClickUnsubscribe.Path + "?token=x", new FormUrlEncodedContent(many));

        Assert.Equal(HttpStatusCode.BadRequest, cutShort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    private Task<bool> SubscribedAsync(string email) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AnyAsync(s => s.Email == email));
}
