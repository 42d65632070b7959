using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Relief;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Relief;

public class ReliefAdminTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task AnAddedOrganisation_ShowsOnReliefAndAct_InEveryLanguage_WithALinkThatLeavesWithoutReferrer()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var name = "Relief Trust " + Tag();
        var url = $"https://relief-{Tag()}.example.org/give";
        // Cached before the change: the add must evict them.
        foreach (var path in new[] { "/relief", "/act", "/ar/relief" }) await _visitor.GetDocumentAsync(path);

        using var response = await editor.SubmitFormAsync("/admin/relief/create", Html.Values(
            ("Input.Name", name), ("Input.Description", "Food and clean water in Gaza and Sudan."),
            ("Input.Registry", "Charity Commission for England and Wales"), ("Input.RegistrationNumber", "1234567"), ("Input.Url", url)));

        Assert.Equal("/admin/relief", response.LandedOn());
        Assert.Contains("The organisation is added.", (await response.ReadDocumentAsync()).Status());
        foreach (var path in new[] { "/relief", "/ar/relief", "/ur/relief", "/act", "/ar/act", "/ur/act" })
        {
            var page = await _visitor.GetDocumentAsync(path);
            var link = LinkTo(page, url);
            Assert.True(link is not null, $"{path} does not link to {url}");
            Assert.Equal(name, link!.Text());
            Assert.Equal(["noopener", "noreferrer"], link.GetAttribute("rel")!.Split(' ').Order());
            var entry = link.Closest(".relief-entry")!;
            Assert.Contains("Food and clean water in Gaza and Sudan.", entry.Text());
            Assert.Contains("1234567", entry.Text());
        }
        Assert.Contains("Registered with Charity Commission for England and Wales, number 1234567", (await _visitor.GetDocumentAsync("/relief")).QuerySelector(".relief-list")!.Text());
        var created = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.ReliefCreated && e.Details == name);
        Assert.Equal(email, created.ActorName);
        Assert.Equal(AuditTargets.Relief(await IdOfAsync(name)), created.Target);
    }

    [Fact]
    public async Task EditingAnOrganisation_ChangesThePublicPages_AndTheAuditSaysWhatChanged()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var name = "Water Aid " + Tag();
        var id = await AddAsync(editor, name);
        Assert.Contains(name, (await _visitor.GetDocumentAsync("/act")).QuerySelector("main")!.Text());

        using var response = await editor.SubmitFormAsync($"/admin/relief/edit/{id}", Html.Values(
            ("Input.Name", name + " International"), ("Input.Url", "https://edited.example.org/")));

        Assert.Equal("/admin/relief", response.LandedOn());
        var act = await _visitor.GetDocumentAsync("/act");
        Assert.Equal(name + " International", LinkTo(act, "https://edited.example.org/")!.Text());
        var edited = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.ReliefEdited && e.Target == AuditTargets.Relief(id));
        Assert.Equal(email, edited.ActorName);
        Assert.Equal($"{name} International: name, link changed", edited.Details);
    }

    [Fact]
    public async Task CheckedToday_RecordsTheEditorAndTheDate_ShowsItToReaders_AndIsAudited()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var name = "Medical Relief " + Tag();
        var id = await AddAsync(editor, name);
        var today = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.DoesNotContain("Last checked", Entry(await _visitor.GetDocumentAsync("/relief"), name).Text());

        var list = await editor.GetDocumentAsync("/admin/relief");
        using var response = await editor.SubmitAsync((IHtmlFormElement)RowOf(list, name).QuerySelector("form")!, "/admin/relief");

        var after = await response.ReadDocumentAsync();
        Assert.Equal("/admin/relief", response.LandedOn());
        Assert.Contains("Marked as checked today.", after.Status());
        Assert.Contains($"{today:yyyy-MM-dd} by {email}", RowOf(after, name).Text());
        var stored = await StoredAsync(id);
        Assert.Equal(email, stored.LastCheckedBy);
        Assert.Equal(today, stored.LastCheckedAt);
        Assert.Contains($"Last checked on {today:d MMMM yyyy}", Entry(await _visitor.GetDocumentAsync("/relief"), name).Text());
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.ReliefChecked && e.Target == AuditTargets.Relief(id));
        Assert.Equal(email, audit.ActorName);
    }

    [Fact]
    public async Task DeletingAnOrganisation_AsksFirst_ThenRemovesItFromThePublicPages_AndIsAudited()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var name = "Shelter Now " + Tag();
        var id = await AddAsync(editor, name);
        Assert.Contains(name, (await _visitor.GetDocumentAsync("/relief")).QuerySelector("main")!.Text());

        var confirm = await editor.GetDocumentAsync($"/admin/relief/delete/{id}");
        Assert.Contains(name, confirm.QuerySelector("main")!.Text());
        using var response = await editor.SubmitAsync(confirm.Form(), $"/admin/relief/delete/{id}");

        Assert.Equal("/admin/relief", response.LandedOn());
        Assert.DoesNotContain(name, (await _visitor.GetDocumentAsync("/relief")).QuerySelector("main")!.Text());
        Assert.DoesNotContain(name, (await _visitor.GetDocumentAsync("/ur/act")).QuerySelector("main")!.Text());
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().ReliefOrganisations.AnyAsync(o => o.Id == id)));
        var deleted = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.ReliefDeleted && e.Target == AuditTargets.Relief(id));
        Assert.Equal(email, deleted.ActorName);
        Assert.StartsWith(name, deleted.Details);
    }

    [Theory]
    [InlineData("Input.Url", "javascript:alert(1)", "Enter a full web address starting with https:// (for example https://www.example.org).")]
    [InlineData("Input.Url", "/relief", "Enter a full web address starting with https:// (for example https://www.example.org).")]
    [InlineData("Input.Url", "", "Enter the address of their web site.")]
    [InlineData("Input.Name", "", "Enter the organisation's name.")]
    [InlineData("Input.Description", "", "Say in a sentence or two what they do and where.")]
    [InlineData("Input.RegistrationNumber", "", "Enter their number in that registry, or leave both empty.")]
    [InlineData("Input.SortOrder", "many", "This value is not valid.")]
    public async Task BadInput_IsRefusedBesideItsField_AndNothingIsSaved(string field, string value, string message)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var name = field == "Input.Name" ? "" : "Refused " + Tag();
        var values = Html.Values(("Input.Name", name), ("Input.Description", "Relief."), ("Input.Registry", "A registry"),
            ("Input.RegistrationNumber", "42"), ("Input.Url", "https://fine.example.org"));
        values[field] = value;

        using var response = await editor.SubmitFormAsync("/admin/relief/create", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.FieldError(field));
        Assert.Contains(message, page.ErrorSummary());
        if (name.Length > 0) Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().ReliefOrganisations.AnyAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task AnOrderLeftEmpty_IsToldInTheSitesWords_WithEveryOtherMistake()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.SubmitFormAsync("/admin/relief/create", Html.Values(
            ("Input.Name", ""), ("Input.Description", ""), ("Input.Url", ""), ("Input.SortOrder", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(("Fill in this field.", "Enter the organisation's name.", "Say in a sentence or two what they do and where.", "Enter the address of their web site."),
            (page.FieldError("Input.SortOrder"), page.FieldError("Input.Name"), page.FieldError("Input.Description"), page.FieldError("Input.Url")));
        Assert.DoesNotContain("is invalid", page.ErrorSummary());
    }

    [Fact]
    public async Task TheAdminList_IsInTheAdminNavigation_AndLinksToTheCriteriaPage()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        var list = await editor.GetDocumentAsync("/admin/relief");

        var criteria = list.QuerySelector("main a[href^='/admin/pages/edit/']");
        Assert.NotNull(criteria);
        Assert.Equal("How we choose", criteria!.Text());
        Assert.NotNull(list.QuerySelector("header nav a[href='/admin/relief']"));
    }

    [Fact]
    public async Task TheReliefPage_SendsAReferrerPolicyThatSendsNoPathToOtherSites()
    {
        using var response = await _visitor.GetAsync("/relief");

        // strict-origin-when-cross-origin: another site is told at most this site's origin, never the page's path.
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static IElement? LinkTo(IHtmlDocument page, string url) => page.QuerySelectorAll(".relief-list a").FirstOrDefault(a => a.GetAttribute("href") == url);

    private static IElement Entry(IHtmlDocument page, string name) =>
        page.QuerySelectorAll(".relief-entry").Single(e => e.QuerySelector("h3")!.Text() == name);

    private static IElement RowOf(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector("td a")!.Text() == name);

    private async Task<int> AddAsync(HttpClient editor, string name)
    {
        using var response = await editor.SubmitFormAsync("/admin/relief/create", Html.Values(
            ("Input.Name", name), ("Input.Description", "Relief where it is needed."), ("Input.Url", $"https://{Tag()}.example.org/")));
        Assert.Equal("/admin/relief", response.LandedOn());
        return await IdOfAsync(name);
    }

    private Task<int> IdOfAsync(string name) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().ReliefOrganisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private Task<ReliefOrganisation> StoredAsync(int id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().ReliefOrganisations.AsNoTracking().SingleAsync(o => o.Id == id));

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}
