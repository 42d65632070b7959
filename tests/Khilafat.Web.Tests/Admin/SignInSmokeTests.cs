using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Admin;

public class SignInSmokeTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Editor_SignsInThroughTheForm_AndSeesTheDashboard()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Editor);

        var dashboard = await client.GetDocumentAsync("/admin");

        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.Text());
        Assert.Contains("published pages", dashboard.QuerySelector(".stats")!.Text());
    }

    [Fact]
    public async Task Editor_CreatesAndPublishesAPage_ThatTheSiteThenShows()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Editor);

        using var created = await client.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", "Relief drive"), ("Input.Slug", "relief-drive"), ("Input.Summary", "How to help."), ("Input.Body", "Bring **blankets**.")),
            submitter: "button[formaction*='Publish']");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var page = await factory.CreateClient().GetDocumentAsync("/relief-drive");
        Assert.Equal("Relief drive", page.QuerySelector("h1")!.Text());
        Assert.Equal("blankets", page.QuerySelector(".prose strong")!.Text());
    }
}
