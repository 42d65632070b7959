using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Audit;

/// <summary>Writes the audit log. Add an entry inside the change's own write (SiteDbContext.WriteAsync) so both commit together.</summary>
public static class AuditLog
{
    public const int DetailsMaxLength = 2000;

    /// <summary>Adds an entry to the context; it is written with the caller's write.</summary>
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
    public static Task RecordAsync(this SiteDbContext db, TimeProvider clock, Actor actor, string action, string? target = null, string? details = null, CancellationToken ct = default) =>
        db.WriteAsync(_ =>
        {
            db.Audit(clock, actor, action, target, details);
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Inside the write that erases someone's record: the entries about <paramref name="targets"/> keep who did what and
    /// when, but no longer the details that named the person (a testimonial's display name). One statement for all.
    /// </summary>
    public static Task ForgetDetailsAsync(this SiteDbContext db, IReadOnlyCollection<string> targets, CancellationToken ct) =>
        targets.Count == 0 ? Task.CompletedTask
            : db.AuditEntries.Where(e => e.Target != null && targets.Contains(e.Target) && e.Details != null).ExecuteUpdateAsync(set => set.SetProperty(e => e.Details, (string?)null), ct);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
