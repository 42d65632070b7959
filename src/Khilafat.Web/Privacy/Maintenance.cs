using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Testimonials;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Privacy;

/// <summary>
/// Data minimisation on a timer: a rejected (or spam) testimonial's email goes 30 days after the decision, and sent
/// mail leaves the outbox (with the address it went to) after 30 days, and sign-ups never confirmed are erased
/// (<see cref="MailingList.PendingSignUps"/>). Runs hourly.
/// </summary>
public sealed class Maintenance(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Maintenance> logger) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Data minimisation did not run; it will try again in an hour.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - KeepFor;
        var (emails, sent) = await db.WriteAsync(async c =>
        (
            await db.Testimonials
                .Where(t => t.Email != null && (t.Status == TestimonialStatus.Rejected || t.Status == TestimonialStatus.Spam) && (t.ModeratedAt ?? t.SubmittedAt) < cutoff)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.Email, (string?)null), c),
            await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < cutoff).ExecuteDeleteAsync(c)
        ), ct);
        await scope.ServiceProvider.GetRequiredService<MailingList.PendingSignUps>().EraseUnconfirmedAsync(ct);
        if (emails + sent > 0) logger.LogInformation("Data minimisation: {Emails} testimonial emails erased, {Sent} sent messages removed.", emails, sent);
    }
}
