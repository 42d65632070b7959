using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Admin;

public sealed record DashboardCounts(int PublishedPages, int DraftPages, int PublishedFaq, int DraftFaq);

/// <summary>The numbers on the admin dashboard.</summary>
public sealed class Dashboard(SiteDbContext db)
{
    public async Task<DashboardCounts> CountAsync(CancellationToken ct = default)
    {
        var pages = await db.Pages.GroupBy(p => p.IsPublished).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var faq = await db.FaqEntries.GroupBy(f => f.IsPublished).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new DashboardCounts(
            pages.Where(p => p.Key).Sum(p => p.Count), pages.Where(p => !p.Key).Sum(p => p.Count),
            faq.Where(f => f.Key).Sum(f => f.Count), faq.Where(f => !f.Key).Sum(f => f.Count));
    }
}
