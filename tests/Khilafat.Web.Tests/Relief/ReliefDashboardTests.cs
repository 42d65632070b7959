using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Relief;

/// <summary>Its own site: the tests move the clock a year on.</summary>
public class ReliefDashboardTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    [Fact]
    public async Task AnEntryNotCheckedForAYear_IsNamedOnTheDashboard_AndOneCheckedSinceIsNot()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var stale = await AddAsync(editor, "Stale Relief");
        await AddAsync(editor, "Fresh Relief");
        await AddAsync(editor, "Never Checked Relief");
        await CheckAsync(editor, "Stale Relief");
        await CheckAsync(editor, "Fresh Relief");
        var checkedOn = factory.Clock.GetUtcNow().UtcDateTime;
        var dashboard = await editor.GetDocumentAsync("/admin");
        Assert.DoesNotContain("Stale Relief", dashboard.GetElementById("relief-check-heading")?.ParentElement?.Text() ?? "");

        factory.Clock.Advance(TimeSpan.FromDays(366));
        var (later, _) = await factory.SignedInClientAsync(Roles.Editor);
        await CheckAsync(later, "Fresh Relief");
        dashboard = await later.GetDocumentAsync("/admin");

        var warnings = dashboard.QuerySelectorAll(".relief-overdue li").Select(li => li.Text()).ToList();
        Assert.Contains($"Stale Relief: not checked since {checkedOn:yyyy-MM-dd}", warnings);
        Assert.Contains("Never Checked Relief: never checked", warnings);
        Assert.DoesNotContain(warnings, w => w.StartsWith("Fresh Relief", StringComparison.Ordinal));
        Assert.Equal($"/admin/relief/edit/{stale}", dashboard.QuerySelectorAll(".relief-overdue a").Single(a => a.Text() == "Stale Relief").GetAttribute("href"));
    }

    private async Task<int> AddAsync(HttpClient editor, string name)
    {
        using var response = await editor.SubmitFormAsync("/admin/relief/create", Html.Values(
            ("Input.Name", name), ("Input.Description", "Relief."), ("Input.Url", "https://relief.example.org/")));
        Assert.Equal("/admin/relief", response.LandedOn());
        var list = await response.ReadDocumentAsync();
        return AdminSite.IdFrom(list.QuerySelectorAll("main tbody tr td a").Single(a => a.Text() == name).GetAttribute("href")!);
    }

    private static async Task CheckAsync(HttpClient editor, string name)
    {
        var list = await editor.GetDocumentAsync("/admin/relief");
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector("td a")!.Text() == name);
        using var response = await editor.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!, "/admin/relief");
        Assert.Contains("Marked as checked today.", (await response.ReadDocumentAsync()).Status());
    }
}

/// <summary>Its own site, so that no other test has added an organisation yet.</summary>
public class ReliefEmptyStateTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    [Fact]
    public async Task WithNoOrganisations_TheAdminListSaysWhatToDo_AndThePublicPagesSayNoneIsListed()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        var list = await editor.GetDocumentAsync("/admin/relief");
        var relief = await factory.CreateClient().GetDocumentAsync("/ar/relief");

        Assert.Null(list.QuerySelector("main table"));
        Assert.Contains("Add a registered charity you have checked yourself", list.QuerySelector("main")!.Text());
        Assert.Equal("لا توجد منظمات مدرجة بعد.", relief.QuerySelector("#organisations-heading + p")!.Text());
    }
}
