using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Testimonials;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Admin;

public sealed record DashboardCounts(
    int PublishedPages, int DraftPages, int PublishedFaq, int DraftFaq,
    int ConfirmedSubscribers, int PendingSubscribers, int FailedEmails, int QueuedEmails, int PendingTestimonials, int SpamTestimonials, int FailedJobs,
    IReadOnlyList<DayCount> SignUpsPerDay);

/// <summary>The numbers on the admin dashboard.</summary>
public sealed class Dashboard(SiteDbContext db, SubscriberAdministration subscribers, Jobs.JobAdministration jobs)
{
    public async Task<DashboardCounts> CountAsync(CancellationToken ct = default)
    {
        var pages = await (from p in db.Pages
                           join t in db.Texts on p.Id equals t.ItemId
                           where t.Kind == TextKinds.Page && t.Culture == SiteCultures.Default && p.DeletedAt == null
                           group t by t.IsPublished into g
                           select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var faq = await db.Texts.Where(t => t.Kind == TextKinds.Faq && t.Culture == SiteCultures.Default)
            .GroupBy(t => t.IsPublished).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var list = await db.Subscribers.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var testimonials = await db.Testimonials.Where(t => t.Status == TestimonialStatus.Pending || t.Status == TestimonialStatus.Spam)
            .GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var mail = await db.OutboxMessages.Where(m => m.Status != OutboxStatus.Sent).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new DashboardCounts(
            pages.Where(p => p.Key).Sum(p => p.Count), pages.Where(p => !p.Key).Sum(p => p.Count),
            faq.Where(f => f.Key).Sum(f => f.Count), faq.Where(f => !f.Key).Sum(f => f.Count),
            list.Where(s => s.Key == SubscriberStatus.Confirmed).Sum(s => s.Count), list.Where(s => s.Key == SubscriberStatus.Pending).Sum(s => s.Count),
            mail.Where(m => m.Key == OutboxStatus.Failed).Sum(m => m.Count), mail.Where(m => m.Key == OutboxStatus.Queued).Sum(m => m.Count),
            testimonials.Where(t => t.Key == TestimonialStatus.Pending).Sum(t => t.Count), testimonials.Where(t => t.Key == TestimonialStatus.Spam).Sum(t => t.Count),
            await jobs.FailedCountAsync(ct),
            await subscribers.SignUpsPerDayAsync(30, ct));
    }
}
