using System.Net;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Testimonials;

namespace Khilafat.Web.Tests.Forms;

/// <summary>What a visitor sees after a form did not go through: the title says so, the summary lists the problems in the form's order and takes the focus.</summary>
public class FailedSubmissionTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/join", "Error: Join the mailing list · ")]
    [InlineData("/ar/join", "خطأ: ")]
    [InlineData("/ur/join", "خرابی: ")]
    public async Task AFailedPost_PutsErrorBeforeTheTitle_InThePagesLanguage(string path, string titleStart)
    {
        using var response = await factory.CreateClient().SubmitFormAsync(path, Html.Values(("Input.Email", "")));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(titleStart, page.Title);
        Assert.NotNull(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task TheFormAsServed_HasNoErrorInItsTitle()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/join");

        Assert.DoesNotContain("Error", page.Title);
        Assert.Null(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task TheSummary_TakesTheFocusWithoutScript()
    {
        using var response = await factory.CreateClient().SubmitFormAsync("/join", Html.Values(("Input.Email", "")));
        var summary = (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!;

        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
    }

    [Fact]
    public async Task TheSummary_ListsTheProblemsInTheOrderOfTheFields()
    {
        // Nothing chosen in the rating's radio buttons sends nothing for it, which used to put it last.
        using var response = await factory.ShareAsync(factory.CreateClient(), Html.Values(("Input.DisplayName", ""), ("Input.Text", "")));
        var page = await response.ReadDocumentAsync();

        var links = page.QuerySelectorAll(".error-summary li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_DisplayName", "#Input_Rating", "#Input_Text", "#Input_Consent"], links);
        Assert.Equal("Error: Share what the movement means to you · Khilafat Movement", page.Title);
    }
}
