using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.MailingList;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>Updates and subscribers written straight into the database, for tests of sending rather than of editing.</summary>
public static class TestUpdates
{
    /// <summary>An update with a published text in each given language (English first); returns its id.</summary>
    public static Task<int> CreatePublishedUpdateAsync(this SiteFactory factory, params (string Culture, string Title, string Body)[] texts) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var update = new Update { Slug = "update-" + Guid.NewGuid().ToString("N")[..10], CreatedAt = now, UpdatedAt = now, FirstPublishedAt = now };
            await db.WriteAsync(async c =>
            {
                db.Updates.Add(update);
                await db.SaveChangesAsync(c);
                foreach (var (culture, title, body) in texts)
                {
                    db.Texts.Add(new VersionedText
                    {
                        Kind = TextKinds.Update, ItemId = update.Id, Culture = culture, Title = title, Body = body,
                        IsPublished = true, PublishedTitle = title, PublishedSummary = "", PublishedBody = body, PublishedAt = now, UpdatedAt = now, Version = 1,
                    });
                }
            });
            return update.Id;
        });

    /// <summary>A confirmed subscriber, as if they had signed up and confirmed; returns the address.</summary>
    public static Task<string> AddConfirmedSubscriberAsync(this SiteFactory factory, string name, string language = "en", string? country = null) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var email = Visitor.NewAddress(name);
            await db.WriteAsync(_ =>
            {
                db.Subscribers.Add(new Subscriber
                {
                    Email = email, Language = language, Country = country, Status = SubscriberStatus.Confirmed, CreatedAt = now, ConfirmedAt = now,
                    Consent = new Consent { Version = "test", Text = "Test consent.", Source = "/join", GivenAt = now },
                });
                return Task.CompletedTask;
            });
            return email;
        });

    /// <summary>
    /// Runs the jobs due by the site's clock, as the background runner does on its next round, and waits (bounded) for
    /// any the background runner claimed first to finish: when it returns, everything due has run.
    /// </summary>
    public static async Task RunDueJobsAsync(this SiteFactory factory)
    {
        var runner = factory.Services.GetRequiredService<JobRunner>();
        await Poll.UntilAsync(async () =>
        {
            for (var round = 0; round < 1000 && await runner.RunDueAsync(); round++) { }
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            return !await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs
                .AnyAsync(j => j.Status == JobStatus.Waiting && j.DueAt <= now));
        }, "the due jobs to have run", TimeSpan.FromSeconds(30));
    }

    /// <summary>Starts a send of the update to the audience as an editor would, and expands it; returns the send's id.</summary>
    public static async Task<int> StartSendAsync(this SiteFactory factory, int updateId, SendAudience? audience = null)
    {
        var (result, sendId) = await factory.WithScopeAsync(sp =>
            sp.GetRequiredService<UpdateSends>().StartAsync(updateId, audience ?? SendAudience.Everyone, new Audit.Actor(null, "test editor")));
        Assert.Equal(SendStartResult.Started, result);
        await factory.RunDueJobsAsync();
        return sendId;
    }
}
