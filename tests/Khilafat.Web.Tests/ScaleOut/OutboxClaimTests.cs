using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Khilafat.Web.Tests.ScaleOut;

/// <summary>
/// The outbox's claims when a batch outlasts its claim: a delivery so slow that the claim on the rest of the batch runs
/// out, and another instance takes one of those messages. The slow delivery is played by a transport that moves the
/// site's clock on as it "sends"; the other instance by the claim it would write.
/// </summary>
public class OutboxClaimTests
{
    private sealed class Factory : SiteFactory
    {
        public SlowTransport Transport { get; } = new();

        // No background sender here: the test drives the sender itself, so that no round of the site's own (its first
        // one runs at start-up, late on a busy machine) claims the test's messages before the test's round does.
        protected override void ConfigureServices(IServiceCollection services)
        {
            services.Replace(ServiceDescriptor.Singleton<IEmailTransport>(Transport));
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender)));
        }

        public OutboxSender Sender => ActivatorUtilities.CreateInstance<OutboxSender>(Services);
    }

    public sealed class SlowTransport : IEmailTransport
    {
        public List<string> Sent { get; } = [];
        public Func<MimeMessage, Task> OnSend { get; set; } = _ => Task.CompletedTask;
        public bool IsConfigured => true;

        public Task<IEmailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IEmailSession>(new Session(this));

        private sealed class Session(SlowTransport transport) : IEmailSession
        {
            public async Task SendAsync(MimeMessage message, CancellationToken ct)
            {
                await transport.OnSend(message);
                transport.Sent.Add(message.To.Mailboxes.Single().Address);
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task AMessageTakenOverWhileTheBatchWasSlow_IsLeftToItsNewSender_AndTheRestAreStillSent()
    {
        await using var factory = new Factory();
        var ids = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var messages = new[] { "first", "second", "third" }.Select(name => new OutboxMessage
            {
                Kind = "claim-test", To = $"{name}@example.org", Subject = name, TextBody = name, HtmlBody = $"<p>{name}</p>",
                Status = OutboxStatus.Queued, CreatedAt = now, NextAttemptAt = now,
            }).ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });
        var otherSender = Guid.NewGuid();
        factory.Transport.OnSend = async message =>
        {
            if (message.To.Mailboxes.Single().Address != "first@example.org") return;
            // The first delivery takes longer than the whole claim (2 minutes by default)...
            factory.Clock.Advance(TimeSpan.FromMinutes(3));
            // ...and meanwhile another instance finds the second message's claim run out, and takes it.
            await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.Where(m => m.Id == ids[1])
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimToken, otherSender).SetProperty(m => m.ClaimedUntil, factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(2))));
        };

        await factory.Sender.SendDueAsync(CancellationToken.None);

        Assert.Equal(["first@example.org", "third@example.org"], factory.Transport.Sent);
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Queued, OutboxStatus.Sent], stored.Select(m => m.Status));
        Assert.Equal(otherSender, stored[1].ClaimToken);
        Assert.Equal(0, stored[1].Attempts);
    }

    [Fact]
    public async Task ABatchCutShortByAFailure_GivesBackItsClaims_SoTheyAreTriedAtTheNextRound()
    {
        await using var factory = new Factory();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.OutboxMessages.AddRange(new[] { "down-1", "down-2", "down-3" }.Select(name => new OutboxMessage
            {
                Kind = "claim-test", To = $"{name}@example.org", Subject = name, TextBody = name,
                Status = OutboxStatus.Queued, CreatedAt = now, NextAttemptAt = now,
            }));
            await db.SaveChangesAsync();
        });
        factory.Transport.OnSend = _ => throw new IOException("The mail server is down.");

        await factory.Sender.SendDueAsync(CancellationToken.None);

        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == "claim-test").OrderBy(m => m.Id).ToListAsync());
        // The first was tried and waits for its retry; the two the batch did not reach are free for any sender now.
        Assert.Equal([1, 0, 0], stored.Select(m => m.Attempts));
        Assert.All(stored, m => Assert.Null(m.ClaimedUntil));
        Assert.Empty(factory.Transport.Sent);
    }
}
