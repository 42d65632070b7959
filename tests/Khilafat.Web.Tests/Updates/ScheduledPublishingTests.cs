using System.Globalization;
using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Updates.UpdateTestSupport;
using static Khilafat.Web.Tests.Infrastructure.FormFields;

namespace Khilafat.Web.Tests.Updates;

/// <summary>An update with a publish time appears then, on its own, by the site's clock: moved, cancelled, once, and after downtime.</summary>
public class ScheduledPublishingTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A time <paramref name="ahead"/> from the site's clock, in whole minutes, as a datetime-local field holds it.</summary>
    private DateTime InWholeMinutes(TimeSpan ahead)
    {
        var at = Now + ahead;
        return new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Utc);
    }

    private async Task<int> PublicVersionsAsync(int id) =>
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().TextRevisions
            .CountAsync(r => r.PublicVersion != null && sp.GetRequiredService<SiteDbContext>().Texts.Any(t => t.Id == r.TextId && t.Kind == TextKinds.Update && t.ItemId == id && t.Culture == "en")));

    [Fact]
    public async Task AScheduledUpdate_AppearsAtItsTime_WithoutAnyoneVisiting()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var at = InWholeMinutes(TimeSpan.FromHours(1));
        var title = NewTitle("Vigil on Friday");

        using var created = await editor.SubmitFormAsync("/admin/updates/create",
            Html.Values(("Input.Title", title), ("Input.Body", "We gather at noon."), ("Input.PublishAt", Field(at))), submitter: DraftButton);

        var id = AdminSite.IdFrom(created.LandedOn());
        var slug = (await factory.StoredUpdateAsync(id)).Slug;
        Assert.Contains("is scheduled for", (await created.ReadDocumentAsync()).Status());
        Assert.Equal(at, (await factory.StoredUpdateAsync(id)).PublishAt);
        Assert.Equal(at, (await factory.PublishJobAsync(id))!.DueAt);
        Assert.Contains($"Scheduled for {at:d MMM yyyy HH:mm} (UTC)", (await editor.GetDocumentAsync("/admin/updates")).QuerySelector("main")!.Text());

        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await factory.RunDueJobsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        // Asked for now, so the list and the home page are in the output cache when the job publishes.
        Assert.DoesNotContain(title, (await _visitor.GetDocumentAsync("/updates")).QuerySelector("main")!.Text());
        Assert.DoesNotContain(title, (await _visitor.GetDocumentAsync("/")).QuerySelector("main")!.Text());

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await factory.RunDueJobsAsync();

        Assert.Equal(title, (await _visitor.GetDocumentAsync("/updates/" + slug)).QuerySelector("h1")!.Text());
        Assert.Contains(title, (await _visitor.GetDocumentAsync("/updates")).QuerySelector("main")!.Text());
        Assert.Contains(title, (await _visitor.GetDocumentAsync("/")).QuerySelector(".latest-updates")!.Text());
        var stored = await factory.StoredUpdateAsync(id);
        Assert.Null(stored.PublishAt);
        Assert.Equal(at, stored.FirstPublishedAt);
        var published = Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "update:" + slug && e.Action == AuditActions.UpdatePublished);
        Assert.Equal("system", published.ActorName);
        Assert.Equal(JobStatus.Done, (await factory.PublishJobAsync(id))!.Status);
    }

    [Fact]
    public async Task EmailingWhenPublished_NeedsAPublishTime_SaidBesideTheBox_WithWhatWasTypedKept()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Email without a time");

        using var refused = await editor.SubmitFormAsync("/admin/updates/create",
            Html.Values(("Input.Title", title), ("Input.Body", "Words kept."), ("Input.EmailOnPublish", "true")), submitter: DraftButton);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal("Choose a publish time above: the email goes when the update is published then.", page.FieldError("Input.EmailOnPublish"));
        Assert.Equal(title, page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.DoesNotContain(title, (await editor.GetDocumentAsync("/admin/updates")).QuerySelector("main")!.Text());

        // Published now with the box ticked: nothing would email it by itself, so it says so rather than pretend.
        using var now = await editor.SubmitFormAsync("/admin/updates/create",
            Html.Values(("Input.Title", title), ("Input.Body", "Words kept."), ("Input.EmailOnPublish", "true")), submitter: PublishButton);
        Assert.Equal("It is published now, so nothing is emailed by itself: untick this, then email it from its Email page.",
            (await now.ReadDocumentAsync()).FieldError("Input.EmailOnPublish"));
    }

    [Fact]
    public async Task MovingTheTime_MovesThePublishing()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Moved"), publish: false, publishAt: InWholeMinutes(TimeSpan.FromHours(1)));
        var later = InWholeMinutes(TimeSpan.FromHours(3));

        using var saved = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.PublishAt", Field(later))), submitter: SaveButton);

        Assert.Contains($"It will be published on {later:d MMM yyyy} at {later:HH:mm} (UTC).", (await saved.ReadDocumentAsync()).Status());
        Assert.Equal(later, (await factory.PublishJobAsync(id))!.DueAt);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.RunDueJobsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await factory.RunDueJobsAsync();
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
    }

    [Fact]
    public async Task ClearingTheTime_CancelsThePublishing()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Cancelled"), publish: false, publishAt: InWholeMinutes(TimeSpan.FromHours(1)));

        using var saved = await editor.SubmitFormAsync(EditUrl(id), Html.Values(("Input.PublishAt", "")), submitter: SaveButton);

        Assert.Contains("The schedule is cancelled", (await saved.ReadDocumentAsync()).Status());
        Assert.Null(await factory.PublishJobAsync(id));
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.RunDueJobsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        Assert.Null((await factory.StoredUpdateAsync(id)).PublishAt);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "update:" + slug && e.Action == AuditActions.UpdateUnscheduled);
    }

    [Fact]
    public async Task TheJob_RunTwice_PublishesOnce()
    {
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Once"), publish: false, publishAt: InWholeMinutes(TimeSpan.FromHours(1)));
        factory.Clock.Advance(TimeSpan.FromHours(2));

        // As when an instance died after the work and before marking the job done: the run is repeated.
        await factory.WithScopeAsync(sp => sp.GetRequiredKeyedService<IJobHandler>(JobKinds.PublishUpdate).RunAsync(UpdateEditor.Key(id), default));
        var first = (await factory.StoredUpdateAsync(id)).FirstPublishedAt;
        Assert.NotNull(first);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.WithScopeAsync(sp => sp.GetRequiredKeyedService<IJobHandler>(JobKinds.PublishUpdate).RunAsync(UpdateEditor.Key(id), default));
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await factory.RunDueJobsAsync();

        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        Assert.Equal(1, await PublicVersionsAsync(id));
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "update:" + slug && e.Action == AuditActions.UpdatePublished);
        Assert.Equal(first, (await factory.StoredUpdateAsync(id)).FirstPublishedAt);
    }

    [Fact]
    public async Task TwoRunsAtTheSameMoment_PublishOnce_AndNeitherFails()
    {
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Both"), publish: false, publishAt: InWholeMinutes(TimeSpan.FromHours(1)));
        factory.Clock.Advance(TimeSpan.FromHours(2));

        // Two instances (or the background runner and a repeat) taking the same due job: on PostgreSQL their saves race,
        // and the one that loses looks again instead of failing the job.
        Task Run() => factory.WithScopeAsync(sp => sp.GetRequiredKeyedService<IJobHandler>(JobKinds.PublishUpdate).RunAsync(UpdateEditor.Key(id), default));
        await Task.WhenAll(Run(), Run(), Run());

        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        Assert.Equal(1, await PublicVersionsAsync(id));
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Target == "update:" + slug && e.Action == AuditActions.UpdatePublished);
    }

    [Fact]
    public async Task PublishingByHand_BeforeTheTime_CancelsTheSchedule_AndKeepsItsDate()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, slug) = await factory.CreateUpdateAsync(NewTitle("Early"), publish: false, publishAt: InWholeMinutes(TimeSpan.FromHours(5)));

        await editor.SubmitFormAsync(EditUrl(id), submitter: PublishButton);
        var date = (await factory.StoredUpdateAsync(id)).FirstPublishedAt;
        factory.Clock.Advance(TimeSpan.FromHours(6));
        await factory.RunDueJobsAsync();

        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/updates/" + slug)).StatusCode);
        Assert.Null(await factory.PublishJobAsync(id));
        Assert.Equal(date, (await factory.StoredUpdateAsync(id)).FirstPublishedAt);
        Assert.Equal(1, await PublicVersionsAsync(id));
    }

    [Fact]
    public async Task ATimeInThePast_IsRefused_BesideTheField()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Too late");

        using var response = await editor.SubmitFormAsync("/admin/updates/create",
            Html.Values(("Input.Title", title), ("Input.Body", "Text."), ("Input.PublishAt", Field(InWholeMinutes(TimeSpan.FromHours(-1))))), submitter: DraftButton);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose a publish time in the future.", (await response.ReadDocumentAsync()).FieldError("Input.PublishAt"));
        Assert.Null(await factory.ItemWithTitleAsync(TextKinds.Update, title));
    }

    [Fact]
    public async Task AnUpdateDueWhileTheSiteWasDown_IsPublishedWhenItIsBack()
    {
        var data = Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int id;
            string slug;
            DateTime at;
            await using (var before = new RestartedSiteFactory(data))
            {
                var now = before.Clock.GetUtcNow().UtcDateTime;
                at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddHours(1);
                (id, slug) = await before.CreateUpdateAsync(NewTitle("While down"), publish: false, publishAt: at);
            }
            // The site was down past the publish time, into the next day; it comes back on the same database.
            await using var after = new RestartedSiteFactory(data);
            after.Clock.Advance(TimeSpan.FromDays(1));
            await after.RunDueJobsAsync();

            using var visitor = after.CreateClient();
            var page = await visitor.GetDocumentAsync("/updates/" + slug);
            // Dated as scheduled, not as the site came back.
            Assert.Equal(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), page.QuerySelector(".update-date time")!.GetAttribute("datetime"));
            Assert.Equal(at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page.QuerySelector(".update-date time")!.Text());
            var stored = await after.StoredUpdateAsync(id);
            Assert.Null(stored.PublishAt);
            Assert.Equal(at, stored.FirstPublishedAt);
        }
        finally
        {
            await SiteFactory.DeleteDataAsync(data);
        }
    }
}

/// <summary>Times are entered and shown in the site's time zone and stored in UTC.</summary>
public class SiteTimeZoneTests(KarachiSiteFactory factory) : IClassFixture<KarachiSiteFactory>
{
    [Fact]
    public async Task NineInKarachi_IsStoredAsFourUtc_AndShownAsNine()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(2);
        var title = NewTitle("Morning vigil");

        using var created = await editor.SubmitFormAsync("/admin/updates/create",
            Html.Values(("Input.Title", title), ("Input.Body", "At nine."), ("Input.PublishAt", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00")), submitter: DraftButton);

        var id = AdminSite.IdFrom(created.LandedOn());
        Assert.Equal(day.AddHours(4), (await factory.StoredUpdateAsync(id)).PublishAt);
        var edit = await editor.GetDocumentAsync(EditUrl(id));
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00", edit.QuerySelector("input[name='Input.PublishAt']")!.GetAttribute("value"));
        Assert.Contains("Publish at (Asia/Karachi time)", edit.QuerySelector("label[for='Input_PublishAt']")!.Text());
        Assert.Contains($"Scheduled for {day:d MMM yyyy} 09:00 (Asia/Karachi)", (await editor.GetDocumentAsync("/admin/updates")).QuerySelector("main")!.Text());
    }

    [Fact]
    public void AnUnknownTimeZone_StopsStartUp_NamingTheSetting()
    {
        using var site = new UnknownZoneSite();

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("Site:TimeZone", error.ToString());
    }

    private sealed class UnknownZoneSite : SiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings.Append(new KeyValuePair<string, string?>("Site:TimeZone", "Mars/Olympus_Mons"));
    }
}
