using System.Collections.Concurrent;
using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Jobs;

/// <summary>
/// The one mechanism for background work: a job runs when due (not before), once however many runners claim at once,
/// again when it asks to, with growing waits after failures, and is taken over when a runner died holding it.
/// </summary>
public class JobRunnerTests(JobRunnerTests.JobSite factory) : IClassFixture<JobRunnerTests.JobSite>
{
    public const string TestKind = "test";

    /// <summary>The site with a test handler, and the background runner looking only once an hour (the tests run it).</summary>
    public sealed class JobSite : SiteFactory, IAsyncLifetime
    {
        public RecordingHandler Handler { get; } = new();

        /// <summary>
        /// The runner makes its first pass in the background as the site starts (the maintenance job, made and run).
        /// A job a test schedules for now before that pass has claimed its own would be run by it, in the middle of
        /// the test's rounds: the tests begin once the maintenance job has run and waits for its next turn.
        /// </summary>
        public async Task InitializeAsync()
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            // Started first, so that the wait below is for the pass alone: a start on a loaded machine takes seconds.
            _ = Services;
            await Poll.UntilAsync(() => WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.AsNoTracking()
                    .Select(j => new { j.Kind, j.DueAt, j.ClaimToken }).ToListAsync()),
                jobs => jobs.Any(j => j.Kind == JobKinds.Maintenance && j.DueAt > now && j.ClaimToken == null),
                "the job runner's first pass at start", TimeSpan.FromSeconds(30));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Jobs:PollInterval", "01:00:00"),
            new("Jobs:MaxAttempts", "3"),
            new("Jobs:RetryDelay", "00:00:10"),
        ];

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddKeyedSingleton<IJobHandler>(TestKind, Handler);

        public JobRunner Runner => Services.GetRequiredService<JobRunner>();

        public async Task RunAllDueAsync()
        {
            for (var round = 0; round < 20 && await Runner.RunDueAsync(); round++) { }
        }

        public Task ScheduleAsync(string key, DateTime dueAt) => WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            return db.WriteAsync(c => sp.GetRequiredService<JobQueue>().ScheduleAsync(TestKind, key, dueAt, c));
        });

        public Task<Job> JobAsync(string key) =>
            WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Kind == TestKind && j.Key == key));
    }

    /// <summary>Counts runs per key. A key starting "fail" throws; "twice" asks to run again once; "reschedule" moves itself an hour on while it runs.</summary>
    public sealed class RecordingHandler : IJobHandler
    {
        public ConcurrentDictionary<string, int> Runs { get; } = new();

        public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
        {
            var run = Runs.AddOrUpdate(key, 1, (_, n) => n + 1);
            // Another runner trying at the same moment must find the job claimed, even while this run is still going.
            await Task.Yield();
            if (key.StartsWith("fail", StringComparison.Ordinal)) throw new InvalidOperationException("The test job failed on purpose.");
            if (key.StartsWith("twice", StringComparison.Ordinal) && run == 1) return JobOutcome.Again(DateTime.UtcNow.AddYears(-1));
            return JobOutcome.Done;
        }
    }

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task AJob_RunsWhenDue_NotBefore_AndOnce()
    {
        var key = "due-" + Guid.NewGuid().ToString("N");
        await factory.ScheduleAsync(key, Now.AddMinutes(30));

        await factory.RunAllDueAsync();
        Assert.False(factory.Handler.Runs.ContainsKey(key));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await factory.RunAllDueAsync();
        await factory.RunAllDueAsync();

        Assert.Equal(1, factory.Handler.Runs[key]);
        var job = await factory.JobAsync(key);
        Assert.Equal(JobStatus.Done, job.Status);
        Assert.Null(job.ClaimToken);
    }

    [Fact]
    public async Task ScheduledAgain_TheJobMoves_RatherThanRunningTwice()
    {
        var key = "moved-" + Guid.NewGuid().ToString("N");
        await factory.ScheduleAsync(key, Now.AddMinutes(5));
        await factory.ScheduleAsync(key, Now.AddHours(2));

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await factory.RunAllDueAsync();
        Assert.False(factory.Handler.Runs.ContainsKey(key));

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.RunAllDueAsync();
        Assert.Equal(1, factory.Handler.Runs[key]);
    }

    [Fact]
    public async Task AJobThatAsksToRunAgain_RunsAgain()
    {
        var key = "twice-" + Guid.NewGuid().ToString("N");
        await factory.ScheduleAsync(key, Now);

        await factory.RunAllDueAsync();

        Assert.Equal(2, factory.Handler.Runs[key]);
        Assert.Equal(JobStatus.Done, (await factory.JobAsync(key)).Status);
    }

    [Fact]
    public async Task AFailingJob_IsTriedAgainLater_WithGrowingWaits_ThenGivenUp()
    {
        var key = "fail-" + Guid.NewGuid().ToString("N");
        await factory.ScheduleAsync(key, Now);

        await factory.RunAllDueAsync();
        var first = await factory.JobAsync(key);
        Assert.Equal((JobStatus.Waiting, 1, "The test job failed on purpose."), (first.Status, first.Attempts, first.LastError));
        Assert.Equal(Now.AddSeconds(10), first.DueAt);

        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await factory.RunAllDueAsync();
        var second = await factory.JobAsync(key);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(Now.AddSeconds(20), second.DueAt);

        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        await factory.RunAllDueAsync();
        Assert.Equal(JobStatus.Failed, (await factory.JobAsync(key)).Status);
        Assert.Equal(3, factory.Handler.Runs[key]);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.RunAllDueAsync();
        Assert.Equal(3, factory.Handler.Runs[key]);
    }

    [Fact]
    public async Task ManyRunnersAtOnce_RunEachJobOnce()
    {
        var keys = Enumerable.Range(0, 25).Select(i => $"race-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var key in keys) await factory.ScheduleAsync(key, Now);

        // Four runners as four instances would be: each with its own claims, all at the same time.
        var runners = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<JobRunner>(factory.Services)).ToList();
        await Task.WhenAll(runners.Select(async runner =>
        {
            for (var round = 0; round < 20 && await runner.RunDueAsync(); round++) { }
        }));
        await factory.RunAllDueAsync();

        Assert.All(keys, key => Assert.Equal(1, factory.Handler.Runs[key]));
    }

    [Fact]
    public async Task AJobClaimedByARunnerThatDied_IsTakenOver_OnlyWhenTheClaimRunsOut()
    {
        var key = "orphan-" + Guid.NewGuid().ToString("N");
        await factory.ScheduleAsync(key, Now);
        // A runner on another instance claimed it and died: its claim holds for the claim timeout (5 minutes by default).
        var claimedUntil = Now.AddMinutes(5);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.Where(j => j.Kind == TestKind && j.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimToken, Guid.NewGuid()).SetProperty(j => j.ClaimedUntil, claimedUntil)));

        await factory.RunAllDueAsync();
        Assert.False(factory.Handler.Runs.ContainsKey(key));

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.RunAllDueAsync();
        Assert.Equal(1, factory.Handler.Runs[key]);
        Assert.Equal(JobStatus.Done, (await factory.JobAsync(key)).Status);
    }

    [Fact]
    public async Task Maintenance_IsARecurringJob_MadeAtStart_AndRunHourly()
    {
        await factory.Runner.EnsureRecurringAsync();
        var maintenance = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKinds.Maintenance));
        Assert.Equal(JobStatus.Waiting, maintenance.Status);

        // Other tests of the class run due jobs too: move to its next turn, whenever that is.
        if (maintenance.DueAt > Now) factory.Clock.Advance(maintenance.DueAt - Now);
        await factory.RunAllDueAsync();

        var after = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKinds.Maintenance));
        Assert.Equal(JobStatus.Waiting, after.Status);
        Assert.Equal(Now + Maintenance.Every, after.DueAt);
        Assert.Null(after.LastError);
    }

    /// <summary>A process killed (or stopped before it could bind its port) keeps its claim on a job until the claim runs out.</summary>
    [Fact]
    public async Task AJobClaimedByAProcessThatDied_SaysWhenItWillBeTakenAgain()
    {
        var key = "claimed-" + Guid.NewGuid().ToString("N");
        await factory.ScheduleAsync(key, Now.AddDays(30));
        var until = Now.AddMinutes(4);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.Where(j => j.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimToken, Guid.NewGuid()).SetProperty(j => j.ClaimedUntil, until)));
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);

        var row = (await admin.GetDocumentAsync("/admin/jobs")).QuerySelectorAll("tbody tr").Single(r => r.Text().Contains(key));

        Assert.Contains($"Running, or stopped with its run unfinished: taken again after {until:HH:mm:ss} if so", row.Text());
    }

    [Fact]
    public async Task AFailedJob_IsShownToAdmins_AndTriedAgainWhenTheyAsk_EditorsCannotOpenThePage()
    {
        var key = "fail-shown-" + Guid.NewGuid().ToString("N");
        await factory.ScheduleAsync(key, Now);
        for (var run = 0; run < 3; run++)
        {
            var job = await factory.JobAsync(key);
            if (job.DueAt > Now) factory.Clock.Advance(job.DueAt - Now);
            await factory.RunAllDueAsync();
        }
        Assert.Equal(JobStatus.Failed, (await factory.JobAsync(key)).Status);
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);

        var dashboard = await admin.GetDocumentAsync("/admin");
        Assert.Contains("background jobs failed", dashboard.QuerySelector("main")!.Text());
        var page = await admin.GetDocumentAsync("/admin/jobs");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains(key));
        Assert.Contains("Failed", row.Text());
        Assert.Contains("The test job failed on purpose.", row.Text());

        using var retried = await admin.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!, "/admin/jobs");
        Assert.Contains("The job will run again in a moment.", (await retried.Content.ReadAsStringAsync()));
        // Retrying wakes the runner at once: the job runs a fourth time, fails again, and counts its tries from one.
        await Poll.UntilAsync(() => factory.Handler.Runs[key] == 4, "the retried run");
        await Poll.UntilAsync(async () => (await factory.JobAsync(key)).Attempts == 1, "the retried run's outcome");
        Assert.Equal(JobStatus.Waiting, (await factory.JobAsync(key)).Status);
        var audit = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.JobRetried && a.Target == AuditTargets.Job(TestKind, key)).ToListAsync());
        Assert.Single(audit);

        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        using var refused = await editor.GetAsync("/admin/jobs");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
