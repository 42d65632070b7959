using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>
/// Subscribers whose mail fails permanently, as the editor sees them. The sender marks them (3 permanent failures);
/// here they are stored as it leaves them, so these tests are about the admin alone.
/// </summary>
public class BouncingTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    /// <summary>Three confirmed subscribers sharing a tag: one bouncing (3 failures), one with a single failure, one fine.</summary>
    private async Task<(string Tag, string Bouncing, string OneFailure, string Fine, DateTime Since)> SeedAsync()
    {
        var tag = "b" + Guid.NewGuid().ToString("N")[..10];
        var (bouncing, oneFailure, fine) = ($"bouncing.{tag}@example.org", $"once.{tag}@example.org", $"fine.{tag}@example.org");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-2);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            Subscriber New(string email, int bounces, DateTime? bouncingSince) => new()
            {
                Email = email, Status = SubscriberStatus.Confirmed, CreatedAt = now.AddDays(-30), ConfirmedAt = now.AddDays(-30),
                BounceCount = bounces, BouncingSince = bouncingSince,
                Consent = new Consent { Version = ConsentWording.Version, Text = ConsentWording.Text, GivenAt = now.AddDays(-30), Source = "/join" },
            };
            db.Subscribers.AddRange(New(bouncing, 3, since), New(oneFailure, 1, null), New(fine, 0, null));
            await db.SaveChangesAsync();
        });
        return (tag, bouncing, oneFailure, fine, since);
    }

    private static Dictionary<string, (string Status, string Bounces)> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("td")!.Text(),
            r => (r.QuerySelectorAll("td")[4].Text(), r.QuerySelectorAll("td")[5].Text()));

    [Fact]
    public async Task TheList_MarksBouncingSubscribersWithTheirCount_AndTheBouncingTabShowsOnlyThem()
    {
        var (tag, bouncing, oneFailure, fine, _) = await SeedAsync();
        var (editor, _) = await factory.EditorAsync();

        var all = await editor.GetDocumentAsync("/admin/subscribers?q=" + tag);
        Assert.Equal(new Dictionary<string, (string, string)>
        {
            [bouncing] = ("Confirmed Bouncing", "3"),
            [oneFailure] = ("Confirmed", "1"),
            [fine] = ("Confirmed", ""),
        }, Rows(all));

        var tab = all.QuerySelectorAll(".tabs a").Single(a => a.Text().StartsWith("Bouncing (", StringComparison.Ordinal));
        var filtered = await editor.GetDocumentAsync(tab.GetAttribute("href")!);

        Assert.Equal([bouncing], Rows(filtered).Keys);
        Assert.StartsWith("Bouncing (", filtered.QuerySelector(".tabs a[aria-current=page]")!.Text());
        // The search and the tab go together: the search form keeps the tab, and the export exports what is shown.
        Assert.Equal("true", filtered.QuerySelector("form.filters input[name=bouncing]")!.GetAttribute("value"));
        var csv = await editor.GetStringAsync(filtered.QuerySelector("a[href*='/admin/subscribers/export']")!.GetAttribute("href")!);
        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.EndsWith(",bounce_count,bouncing_since", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith(bouncing + ",", row);
        Assert.Contains(",3,", row);
    }

    [Fact]
    public async Task ClearingTheBouncingMark_FromTheSubscribersPage_PutsThemBackOnTheList_AndIsAudited()
    {
        var (tag, bouncing, _, _, since) = await SeedAsync();
        var (editor, editorEmail) = await factory.EditorAsync();
        var list = await editor.GetDocumentAsync($"/admin/subscribers?bouncing=true&q={tag}");
        var detailsPath = list.QuerySelector("tbody tr td:first-child a")!.GetAttribute("href")!;
        var details = await editor.GetDocumentAsync(detailsPath);
        Assert.Contains($"3 permanent failures; marked as bouncing on {since:yyyy-MM-dd HH:mm} UTC", details.QuerySelector("main dl")!.Text());

        using var response = await editor.SubmitAsync(details.Form("form[action*='handler=ClearBouncing']"), detailsPath);
        var after = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(detailsPath, response.LandedOnPath());
        Assert.Equal("The bouncing mark is cleared: sends to the list include them again.", after.QuerySelector("[role=status]")!.Text());
        Assert.Null(after.QuerySelector(".tag-bouncing"));
        Assert.Null(after.QuerySelector("form[action*='handler=ClearBouncing']"));
        var stored = (await factory.SubscriberAsync(bouncing))!;
        Assert.Equal((0, null, SubscriberStatus.Confirmed), (stored.BounceCount, stored.BouncingSince, stored.Status));
        Assert.Empty(Rows(await editor.GetDocumentAsync($"/admin/subscribers?bouncing=true&q={tag}")));
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SubscriberBouncingCleared), a => a.Target == $"subscriber:#{stored.Id}");
        Assert.Equal(editorEmail, audit.ActorName);
        Assert.Equal($"bouncing since {since:yyyy-MM-dd'T'HH:mm:ss'Z'} after 3 permanent failures", audit.Details);
    }
}
