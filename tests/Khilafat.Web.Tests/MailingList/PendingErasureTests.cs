using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.MailingList;
using Khilafat.Web.Petitions;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Events;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>
/// Sign-ups, petition signatures and event answers never confirmed are erased by the periodic maintenance after
/// MailingList:ErasePendingAfter (30 days); so is mail that failed, 30 days after it was queued.
/// </summary>
public class PendingErasureTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task ASignUpNeverConfirmed_IsErasedWithItsEmails_After30Days_AndNoOtherIs()
    {
        var client = factory.CreateClient();
        var forgotten = Visitor.NewAddress("forgotten");
        var confirmed = Visitor.NewAddress("confirmed");
        var leaver = Visitor.NewAddress("leaver");
        await client.SignUpAndSeeThanksAsync(forgotten);
        await client.SignUpAndConfirmAsync(factory, confirmed);
        var leaverMessage = await client.SignUpAndConfirmAsync(factory, leaver);
        using (await client.SubmitFormAsync(Mailbox.PathAndQuery(leaverMessage.UnsubscribeLink()))) { }
        await factory.WaitUntilDeliveredAsync(forgotten);
        var maintenance = factory.Services.GetRequiredService<Maintenance>();

        factory.Clock.Advance(TimeSpan.FromDays(29));
        var recent = Visitor.NewAddress("recent");
        await client.SignUpAndSeeThanksAsync(recent);
        await maintenance.RunOnceAsync();
        Assert.NotNull(await factory.SubscriberAsync(forgotten));

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await maintenance.RunOnceAsync();

        Assert.Null(await factory.SubscriberAsync(forgotten));
        Assert.Empty(await factory.OutboxToAsync(forgotten));
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(confirmed))!.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(leaver))!.Status);
        Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(recent))!.Status);
        Assert.Single(await factory.OutboxToAsync(recent));
    }

    // Found by a review: someone who had left, whose address was then given again (by anyone) with a name and a country
    // and never confirmed, kept that name and country for good: the row was not pending, so nothing erased them.
    [Fact]
    public async Task ALeaversAddressGivenAgainAndNeverConfirmed_GoesBackToTheOptOut_After30Days()
    {
        var client = factory.CreateClient();
        var leaver = Visitor.NewAddress("left-once");
        var message = await client.SignUpAndConfirmAsync(factory, leaver);
        using (await client.SubmitFormAsync(Mailbox.PathAndQuery(message.UnsubscribeLink()))) { }
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await client.SignUpAndSeeThanksAsync(leaver, name: "Hana, Cairo University activist", country: "EG");
        await factory.WaitUntilDeliveredAsync(leaver, 2);
        var maintenance = factory.Services.GetRequiredService<Maintenance>();

        factory.Clock.Advance(TimeSpan.FromDays(29));
        await maintenance.RunOnceAsync();
        Assert.Equal("Hana, Cairo University activist", (await factory.SubscriberAsync(leaver))!.Name);

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await maintenance.RunOnceAsync();

        var kept = (await factory.SubscriberAsync(leaver))!;
        Assert.Equal((SubscriberStatus.Unsubscribed, null, null, null), (kept.Status, kept.Name, kept.Country, kept.ConfirmTokenHash));
        Assert.NotNull(kept.UnsubscribedAt);
    }

    [Fact]
    public async Task ASignatureAndAnAnswerNeverConfirmed_AreErased_After30Days_TheConfirmedOnesStay()
    {
        var visitor = factory.CreateClient();
        var (petitionId, slug) = await factory.CreatePetitionAsync(PetitionTestSupport.NewTitle("Unconfirmed"));
        var (eventId, eventSlug) = await factory.CreateEventAsync(EventTestSupport.NewTitle("Unconfirmed vigil"), factory.Clock.GetUtcNow().UtcDateTime.AddDays(90));
        var stranger = Visitor.NewAddress("stranger");
        var signer = Visitor.NewAddress("signer");
        await visitor.SignAndSeeThanksAsync(factory, slug, PetitionTestSupport.SignValues(stranger, name: "Given By Someone Else"));
        await visitor.SignAndConfirmAsync(factory, slug, PetitionTestSupport.SignValues(signer));
        using (await factory.AnswerAsync(visitor, eventSlug, "Named By Someone Else", stranger)) { }
        await factory.AnswerAndConfirmAsync(visitor, eventSlug, "Coming Person", signer);
        var maintenance = factory.Services.GetRequiredService<Maintenance>();

        factory.Clock.Advance(TimeSpan.FromDays(29));
        await maintenance.RunOnceAsync();
        Assert.Equal(2, (await factory.SignaturesAsync(petitionId)).Count);
        Assert.Equal(2, (await factory.RsvpsAsync(eventId)).Count);

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await maintenance.RunOnceAsync();

        var signature = Assert.Single(await factory.SignaturesAsync(petitionId));
        Assert.Equal((signer, SignatureStatus.Confirmed), (signature.Email, signature.Status));
        var answer = Assert.Single(await factory.RsvpsAsync(eventId));
        Assert.Equal(("Coming Person", RsvpStatus.Confirmed), (answer.Name, answer.Status));
    }

    [Fact]
    public async Task MailThatFailed_LeavesTheOutbox30DaysAfterItWasQueued_WithItsAddressAndBody()
    {
        var address = Visitor.NewAddress("undeliverable");
        var id = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var message = new OutboxMessage
            {
                Kind = OutboxKinds.RsvpConfirmation, To = address, Subject = "Confirm", TextBody = "Hello Failing Person",
                Status = OutboxStatus.Failed, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, NextAttemptAt = factory.Clock.GetUtcNow().UtcDateTime, LastError = "refused",
            };
            await db.WriteAsync(async c => { db.OutboxMessages.Add(message); await db.SaveChangesAsync(c); }, default);
            return message.Id;
        });
        var maintenance = factory.Services.GetRequiredService<Maintenance>();
        async Task<bool> KeptAsync() => await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.AnyAsync(m => m.Id == id));

        factory.Clock.Advance(TimeSpan.FromDays(29));
        await maintenance.RunOnceAsync();
        Assert.True(await KeptAsync());

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await maintenance.RunOnceAsync();
        Assert.False(await KeptAsync());
    }

    /// <summary>A backlog (the site down for weeks, a restored backup) leaves in batches, each its own write, all of it.</summary>
    [Fact]
    public async Task ABacklogOfSentMail_LeavesTheOutboxWhole_InBatches_AndMailNotYetDueStays()
    {
        var backlog = Maintenance.DeleteBatch * 2 + 500;
        var (first, recent) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            OutboxMessage Sent(string to, DateTime at) => new()
            {
                Kind = OutboxKinds.Update, To = to, Subject = "An update", TextBody = "", Status = OutboxStatus.Sent,
                CreatedAt = at, NextAttemptAt = at, SentAt = at,
            };
            var old = Enumerable.Range(0, backlog).Select(i => Sent($"backlog-{i}@example.org", now.AddDays(-40))).ToList();
            var kept = Sent("sent-last-week@example.org", now.AddDays(-7));
            await db.WriteAsync(async c => { db.OutboxMessages.AddRange(old); db.OutboxMessages.Add(kept); await db.SaveChangesAsync(c); }, default);
            return (old[0].Id, kept.Id);
        });

        await factory.Services.GetRequiredService<Maintenance>().RunOnceAsync();

        var left = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages
            .Where(m => m.Id >= first && m.Id <= recent).Select(m => m.To).ToListAsync());
        // Every batch, not the first alone (the hourly job may run beside this one: whoever deletes them, none is left).
        Assert.Equal(["sent-last-week@example.org"], left);
    }

    [Fact]
    public async Task AnExportsSearch_LoggedBeforeItWasLeftOut_IsForgotten()
    {
        var ids = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var entries = new[] { "status=all country=all language=all search=someone.erased@example.org", "status=Confirmed country=PK language=all search= bouncing only" }
                .Select(details => new Khilafat.Web.Audit.AuditEntry { At = factory.Clock.GetUtcNow().UtcDateTime, ActorName = "editor@example.org", Action = Khilafat.Web.Audit.AuditActions.SubscribersExported, Target = "subscribers", Details = details })
                .ToList();
            await db.WriteAsync(_ => { db.AuditEntries.AddRange(entries); return Task.CompletedTask; });
            return entries.Select(e => e.Id).ToList();
        });

        await factory.Services.GetRequiredService<Maintenance>().RunOnceAsync();

        var details = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().AuditEntries.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).Select(e => e.Details).ToListAsync());
        Assert.Equal(["status=all country=all language=all search=(not recorded)", "status=Confirmed country=PK language=all search=none bouncing only"], details);
    }
}
