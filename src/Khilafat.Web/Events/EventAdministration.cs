using System.Globalization;
using CsvHelper;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Events;

public sealed record RsvpRow(int Id, string? Name, string? Email, int PartySize, RsvpStatus Status, string Language, DateTime CreatedAt,
    DateTime? ConfirmedAt, DateTime? PlaceGivenAt, DateTime? CancelledAt, DateTime? ArrivedAt);

/// <summary>An event's answers as editors see them: counts, the list and the waitlist in its order.</summary>
public sealed record RsvpOverview(int Capacity, int Taken, int Waiting, int Arrived, IReadOnlyList<RsvpRow> Confirmed, IReadOnlyList<RsvpRow> Waitlist,
    IReadOnlyList<RsvpRow> Others, DateTime? ErasedAt)
{
    /// <summary>
    /// Erased once, with answers still kept: an event waiting for its new date takes answers after its first erasure,
    /// each kept its own while.
    /// </summary>
    public bool SomeKeptSinceErasure => ErasedAt is not null && Confirmed.Concat(Waitlist).Concat(Others).Any(r => r.Email is not null);
}

/// <summary>The door's view of an event: places taken and arrived, and the first of the attendees found.</summary>
public sealed record CheckInList(int Taken, int Arrived, int Matching, IReadOnlyList<RsvpRow> Shown);

/// <summary>What editors do with an event's answers: see them, export them (audit logged), and tick people in at the door.</summary>
public sealed class EventAdministration(SiteDbContext db, TimeProvider clock)
{
    private IQueryable<RsvpRow> Rows(int eventId, RsvpStatus? status = null) =>
        db.Rsvps.AsNoTracking().Where(r => r.EventId == eventId && (status == null || r.Status == status)).Select(r => new RsvpRow(r.Id, r.Name, r.Email, r.PartySize, r.Status, r.Language, r.CreatedAt,
            r.ConfirmedAt, r.PlaceGivenAt, r.CancelledAt, r.ArrivedAt));

    public async Task<RsvpOverview?> OverviewAsync(int eventId, CancellationToken ct = default)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return null;
        var rows = await Rows(eventId).ToListAsync(ct);
        var confirmed = rows.Where(r => r.Status == RsvpStatus.Confirmed).OrderBy(r => r.Name ?? "", StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Id).ToList();
        var waitlist = rows.Where(r => r.Status == RsvpStatus.Waitlisted).OrderBy(r => r.ConfirmedAt).ThenBy(r => r.Id).ToList();
        var others = rows.Where(r => r.Status is RsvpStatus.Pending or RsvpStatus.Cancelled).OrderByDescending(r => r.CreatedAt).ToList();
        return new RsvpOverview(e.Capacity, confirmed.Sum(r => r.PartySize), waitlist.Sum(r => r.PartySize), confirmed.Where(r => r.ArrivedAt is not null).Sum(r => r.PartySize),
            confirmed, waitlist, others, e.AttendeesErasedAt);
    }

    /// <summary>Rows the check-in page shows at most: a phone at the door, not a download of the whole list.</summary>
    public const int CheckInShown = 100;

    /// <summary>
    /// The door's view: places taken and arrived, and the confirmed attendees whose name or email holds
    /// <paramref name="search"/> (all of them when it is empty), by name, the first <see cref="CheckInShown"/> of them.
    /// </summary>
    /// <remarks>
    /// One read of the confirmed answers: the page used to read every answer for its counts and the confirmed ones again
    /// for its list, and showed them all (4 MB for an event of 5,000). Names are matched here, not in SQL, in the
    /// reader's culture (SQLite's LIKE folds ASCII letters only).
    /// </remarks>
    public async Task<CheckInList> CheckInAsync(int eventId, string? search, CancellationToken ct = default)
    {
        var rows = await Rows(eventId, RsvpStatus.Confirmed).ToListAsync(ct);
        search = search?.Trim();
        var matching = rows.Where(r => string.IsNullOrEmpty(search)
                || (r.Name ?? "").Contains(search, StringComparison.CurrentCultureIgnoreCase)
                || (r.Email ?? "").Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Name ?? "", StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Id).ToList();
        return new CheckInList(rows.Sum(r => r.PartySize), rows.Where(r => r.ArrivedAt is not null).Sum(r => r.PartySize),
            matching.Count, matching.Take(CheckInShown).ToList());
    }

    /// <summary>Ticks a confirmed attendee as arrived (or takes the tick back); false when there is no such answer.</summary>
    public Task<bool> SetArrivedAsync(int eventId, int rsvpId, bool arrived, CancellationToken ct = default) =>
        db.WriteAsync(async c =>
        {
            var rsvp = await db.Rsvps.SingleOrDefaultAsync(r => r.Id == rsvpId && r.EventId == eventId && r.Status == RsvpStatus.Confirmed, c);
            if (rsvp is null) return false;
            rsvp.ArrivedAt = arrived ? rsvp.ArrivedAt ?? clock.GetUtcNow().UtcDateTime : null;
            return true;
        }, ct);

    public static readonly string[] ExportColumns =
        ["name", "email", "people", "status", "language", "answered_at", "confirmed_at", "place_given_at", "cancelled_at", "arrived_at", "consent_version", "consent_given_at"];

    /// <summary>Writes the event's answers as CSV (the waitlist in its order) and records who exported them.</summary>
    public async Task ExportAsync(int eventId, Stream output, Actor actor, CancellationToken ct = default)
    {
        await db.RecordAsync(clock, actor, AuditActions.EventRsvpsExported, AuditTargets.Event(eventId), null, ct);
        await using var csv = CsvWriter.Create(output, Admin.CsvExports.Options, leaveOpen: true);
        csv.WriteHeader(ExportColumns);
        var rows = await db.Rsvps.AsNoTracking().Where(r => r.EventId == eventId && r.Status != RsvpStatus.Pending)
            .OrderBy(r => r.Status).ThenBy(r => r.ConfirmedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Name, r.Email, r.PartySize, r.Status, r.Language, r.CreatedAt, r.ConfirmedAt, r.PlaceGivenAt, r.CancelledAt, r.ArrivedAt, r.Consent.Version, r.Consent.GivenAt })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            csv.WriteField(row.Name);
            csv.WriteField(row.Email);
            csv.WriteField(row.PartySize.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Status.ToString());
            csv.WriteField(row.Language);
            csv.WriteField(Format(row.CreatedAt));
            csv.WriteField(Format(row.ConfirmedAt));
            csv.WriteField(Format(row.PlaceGivenAt));
            csv.WriteField(Format(row.CancelledAt));
            csv.WriteField(Format(row.ArrivedAt));
            csv.WriteField(row.Version);
            csv.WriteField(Format(row.GivenAt));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    private static string? Format(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
