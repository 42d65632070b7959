using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>Updates and subscribers written straight into the database, for tests of sending rather than of editing.</summary>
public static class TestUpdates
{
    /// <summary>An update (shown on the site) with its texts in the given languages; returns its id.</summary>
    public static Task<int> CreateUpdateAsync(this SiteFactory factory, params UpdateText[] texts) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var update = new Update { Slug = "update-" + Guid.NewGuid().ToString("N")[..8], ShowOnSite = true, FirstPublishedAt = now, CreatedAt = now, UpdatedAt = now };
            await db.WriteAsync(async c =>
            {
                db.Updates.Add(update);
                await db.SaveChangesAsync(c);
                foreach (var text in texts)
                {
                    db.Texts.Add(new VersionedText
                    {
                        Kind = TextKinds.Update, ItemId = update.Id, Culture = text.Culture, Title = text.Title, Body = text.Body,
                        IsPublished = text.Published, PublishedTitle = text.Published ? text.Title : null,
                        PublishedBody = text.Published ? text.Body : null, PublishedSummary = text.Published ? "" : null,
                        PublishedAt = text.Published ? now : null, UpdatedAt = now, Version = 1,
                        SourceVersion = text.Culture == SiteCultures.Default ? null : 1,
                    });
                }
            });
            return update.Id;
        });

    /// <summary>A subscriber as they would be after signing up (and confirming, unless told otherwise).</summary>
    public static Task<Subscriber> AddSubscriberAsync(this SiteFactory factory, string name, string language, string? country,
        SubscriberStatus status = SubscriberStatus.Confirmed, bool bouncing = false) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var subscriber = new Subscriber
            {
                Email = Visitor.NewAddress(name), Name = name, Language = language, Country = country, Status = status, CreatedAt = now,
                ConfirmedAt = status == SubscriberStatus.Pending ? null : now,
                UnsubscribedAt = status == SubscriberStatus.Unsubscribed ? now : null,
                BounceCount = bouncing ? 3 : 0, BouncingSince = bouncing ? now : null,
                Consent = new Consent { Version = ConsentWording.Version, Text = ConsentWording.Text, GivenAt = now, Source = "/join" },
            };
            await db.WriteAsync(async c =>
            {
                db.Subscribers.Add(subscriber);
                await db.SaveChangesAsync(c);
            });
            return subscriber;
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

/// <summary>An update's words in one language; published unless told otherwise.</summary>
public sealed record UpdateText(string Culture, string Title, string Body, bool Published = true);
