using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the audit log for /admin/audit, newest first, filtered by account and action.</summary>
public sealed class AuditReader(SiteDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> ReadAsync(string? actor, string? action, int page, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(actor)) query = query.Where(e => e.ActorName == actor);
        if (!string.IsNullOrEmpty(action)) query = query.Where(e => e.Action == action);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(entries, total, page, PageSize);
    }

    /// <summary>The accounts that appear in the log, for the filter; visitors' and unknown names are left out.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Where(e => e.ActorId != null || e.ActorName == "system")
            .Select(e => e.ActorName).Distinct().OrderBy(n => n).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
}
