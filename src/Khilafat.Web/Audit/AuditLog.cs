using Khilafat.Web.Data;

namespace Khilafat.Web.Audit;

/// <summary>Writes the audit log. Add an entry before the change's own SaveChanges so both commit together.</summary>
public static class AuditLog
{
    public const int DetailsMaxLength = 2000;

    /// <summary>Adds an entry to the context; it is written with the caller's next SaveChanges.</summary>
    public static void Audit(this SiteDbContext db, TimeProvider clock, Actor actor, string action, string? target = null, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorName = Truncate(actor.Name, 256)!,
            Action = action,
            Target = Truncate(target, 300),
            Details = Truncate(details, DetailsMaxLength),
        });

    /// <summary>Writes one entry on its own, for events with no other change to save (sign-in, export...).</summary>
    public static async Task RecordAsync(this SiteDbContext db, TimeProvider clock, Actor actor, string action, string? target = null, string? details = null, CancellationToken ct = default)
    {
        db.Audit(clock, actor, action, target, details);
        await db.SaveChangesAsync(ct);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
