using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Localization;

/// <summary>An email address is typed left to right on every page, the Arabic and Urdu ones included.</summary>
public class EmailFieldDirectionTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/ar/join")]
    [InlineData("/ur/join")]
    [InlineData("/ar/testimonials/share")]
    [InlineData("/ur/testimonials/share")]
    [InlineData("/join")]
    [InlineData("/account/sign-in")]
    public async Task EveryEmailField_IsLeftToRight(string path)
    {
        var page = await factory.CreateClient().GetDocumentAsync(path);

        var fields = page.QuerySelectorAll("input[type=email]");
        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.Equal("ltr", field.GetAttribute("dir")));
    }
}
