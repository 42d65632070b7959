using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>A list of seven subscribers, made once and only read by the tests.</summary>
public class SeededListFactory : MailSiteFactory, IAsyncLifetime
{
    public static readonly (string Email, string? Name, string? Country, SubscriberStatus Status, int DaysAgo)[] People =
    [
        ("amina.khan@example.org", "Amina Khan", "PK", SubscriberStatus.Confirmed, 0),
        ("bilal.ahmed@example.net", "Bilal Ahmed", "GB", SubscriberStatus.Confirmed, 0),
        ("farah@khan-family.example", "Farah", "IN", SubscriberStatus.Confirmed, 0),
        ("chen.wei@example.com", "Chen Wei", "PK", SubscriberStatus.Pending, 0),
        ("dawood@example.org", "Dawood Siddiqui", null, SubscriberStatus.Pending, 3),
        ("100%real@example.org", null, null, SubscriberStatus.Pending, 0),
        ("esra@example.org", null, null, SubscriberStatus.Unsubscribed, 40),
    ];

    public async Task InitializeAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            foreach (var p in People)
            {
                var created = now.AddDays(-p.DaysAgo);
                db.Subscribers.Add(new Subscriber
                {
                    Email = p.Email, Name = p.Name, Country = p.Country, Status = p.Status, CreatedAt = created,
                    ConfirmedAt = p.Status == SubscriberStatus.Confirmed ? created : null,
                    UnsubscribedAt = p.Status == SubscriberStatus.Unsubscribed ? created : null,
                    Consent = new Consent { Version = ConsentWording.Version, Text = ConsentWording.Text, GivenAt = created, Source = "/join" },
                });
            }
            await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class SubscriberListTests(SeededListFactory factory) : IClassFixture<SeededListFactory>
{
    private async Task<IHtmlDocument> ListAsync(string query = "")
    {
        var (editor, _) = await factory.EditorAsync();
        return await editor.GetDocumentAsync("/admin/subscribers" + query);
    }

    private static List<string> Emails(IHtmlDocument page) => page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.Text()).ToList();

    private static List<string> Expected(Func<(string Email, string? Name, string? Country, SubscriberStatus Status, int DaysAgo), bool> filter) =>
        SeededListFactory.People.Where(filter).Select(p => p.Email).Order().ToList();

    [Fact]
    public async Task TheList_ShowsEverySubscriber_WithCountsPerStatus()
    {
        var page = await ListAsync();

        Assert.Equal("Subscribers", page.QuerySelector("h1")!.Text());
        Assert.Equal(["All (7)", "Pending (3)", "Confirmed (3)", "Unsubscribed (1)", "Bouncing (0)"], page.QuerySelectorAll(".tabs a").Select(a => a.Text()));
        Assert.Equal(Expected(_ => true), Emails(page).Order());
        Assert.Contains("7 match.", page.QuerySelector("main")!.Text());
        var amina = page.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains("amina.khan@example.org"));
        Assert.Equal(["amina.khan@example.org", "Amina Khan", "PK", "en", "Confirmed"], amina.QuerySelectorAll("td").Take(5).Select(td => td.Text()));
    }

    [Theory]
    [InlineData("khan", new[] { "amina.khan@example.org", "farah@khan-family.example" })]
    [InlineData("Siddiqui", new[] { "dawood@example.org" })]
    [InlineData("BILAL", new[] { "bilal.ahmed@example.net" })]
    [InlineData("%", new[] { "100%real@example.org" })]
    [InlineData("_", new string[0])]
    [InlineData("nobody-has-this", new string[0])]
    public async Task Search_FindsByEmailOrName(string q, string[] expected)
    {
        var page = await ListAsync("?q=" + Uri.EscapeDataString(q));

        Assert.Equal(expected.Order(), Emails(page).Order());
        Assert.Contains($"{expected.Length} match.", page.QuerySelector("main")!.Text());
        Assert.Equal(q, ((IHtmlInputElement)page.QuerySelector("input[name=q]")!).Value);
    }

    [Fact]
    public async Task FilteringByStatus_ShowsOnlyThatStatus_AndMarksItsTab()
    {
        var page = await ListAsync("?status=Confirmed");

        Assert.Equal(Expected(p => p.Status == SubscriberStatus.Confirmed), Emails(page).Order());
        Assert.All(page.QuerySelectorAll("tbody tr .tag"), tag => Assert.Equal("Confirmed", tag.Text()));
        Assert.Equal("Confirmed (3)", page.QuerySelector(".tabs a[aria-current=page]")!.Text());
        // "Export these as CSV" exports what is shown.
        Assert.Equal("/admin/subscribers/export?status=Confirmed", page.QuerySelectorAll("main a").Single(a => a.Text() == "Export these as CSV").GetAttribute("href"));
    }

    [Fact]
    public async Task FilteringByCountry_AloneAndWithAStatus()
    {
        var page = await ListAsync("?country=PK");
        var both = await ListAsync("?country=pk&status=Pending");

        Assert.Equal(Expected(p => p.Country == "PK"), Emails(page).Order());
        Assert.Equal(["chen.wei@example.com"], Emails(both));
        var choices = page.QuerySelectorAll("select[name=country] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "GB", "IN", "PK"], choices);
        Assert.True(((IHtmlOptionElement)page.QuerySelector("select[name=country] option[value=PK]")!).IsSelected);
    }

    [Fact]
    public async Task TheDashboard_ShowsTheConfirmedTotal_AndTheSignUpsChart()
    {
        var (editor, _) = await factory.EditorAsync();

        var page = await editor.GetDocumentAsync("/admin");

        var subscribers = page.QuerySelectorAll(".stats .stat").Single(s => s.Text().Contains("confirmed subscribers"));
        Assert.Equal("3", subscribers.QuerySelector(".value")!.Text());
        Assert.Contains("3 awaiting confirmation", subscribers.Text());
        var chart = page.QuerySelector("svg[role=img]");
        Assert.NotNull(chart);
        // Six of the seven signed up within the last 30 days: five today, one three days ago.
        Assert.Equal("6 sign-ups in 30 days; the most in one day was 5.", chart.QuerySelector("desc")!.TextContent);
        Assert.Equal(30, chart.QuerySelectorAll("rect").Length);
        var rows = page.QuerySelectorAll("figure.chart tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        Assert.Equal(30, rows.Count);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal([today.ToString("yyyy-MM-dd"), "5"], rows[^1]);
        Assert.Equal([today.AddDays(-3).ToString("yyyy-MM-dd"), "1"], rows[^4]);
    }

    [Fact]
    public async Task TheListAndItsExport_AreOnlyForSignedInEditors()
    {
        var anonymous = factory.CreateNonRedirectingClient();

        foreach (var path in new[] { "/admin/subscribers", "/admin/subscribers/export", "/admin/subscribers/import" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
            Assert.DoesNotContain("amina", await response.Content.ReadAsStringAsync());
        }
    }
}
