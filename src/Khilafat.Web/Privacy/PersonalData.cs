using System.Text.Encodings.Web;
using System.Text.Json;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.MailingList;
using Khilafat.Web.Petitions;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Privacy;

public sealed record HeldSignature(long Id, string Petition, string? Name, string Country, SignatureStatus Status, DateTime CreatedAt, DateTime? ConfirmedAt, DateTime? ErasedAt,
    bool ShowName = false, DeliveryNotice DeliveryNotice = DeliveryNotice.NotAsked);

public sealed record HeldAnswer(int Id, string Event, DateTime StartsAt, string? Name, int PartySize, RsvpStatus Status, DateTime CreatedAt, DateTime? ErasedAt);

public sealed record HeldTestimonial(int Id, string DisplayName, TestimonialStatus Status, DateTime SubmittedAt);

public sealed record HeldEmail(string Kind, string Subject, DateTime CreatedAt, DateTime? SentAt, string Status);

/// <summary>What the site holds under one email address, wherever it was given: the list, petitions, events, testimonials, the outbox.</summary>
public sealed record PersonalRecords(string Email, Subscriber? Subscriber, IReadOnlyList<HeldSignature> Signatures, IReadOnlyList<HeldAnswer> Answers,
    IReadOnlyList<HeldTestimonial> Testimonials, IReadOnlyList<HeldEmail> Emails)
{
    public bool IsEmpty => Subscriber is null && Signatures.Count == 0 && Answers.Count == 0 && Testimonials.Count == 0 && Emails.Count == 0;
}

/// <summary>What the erasure did, counted (the audit log keeps these numbers, never the address).</summary>
public sealed record ErasureCounts(int Subscribers, int Signatures, int Answers, int TestimonialEmails, int Emails)
{
    public override string ToString() =>
        $"{N(Subscribers, "subscriber")}, {N(Signatures, "petition signature")}, {N(Answers, "event answer")}, {N(TestimonialEmails, "testimonial's address", "testimonials' addresses")}, {N(Emails, "email")}";

    private static string N(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}

/// <summary>
/// One person's data, found by the address they gave, for the privacy notice's promise: see what we hold about you,
/// and have it erased completely. Erasure goes as far as the site's own scheduled erasures go for everyone, at once:
/// the subscriber is removed (<see cref="SubscriberAdministration.EraseAsync"/>); a signature or an event answer keeps
/// only its numbers (country, date, party size), so that counts stay true, and an unconfirmed one goes whole; an answer
/// that holds places at an event still to come is cancelled first and its places go to the waitlist; a testimonial
/// forgets the address it was to be told at, and the hash of the one it was sent from; every email to the address
/// leaves the outbox.
/// </summary>
public sealed class PersonalData(SiteDbContext db, TimeProvider clock, SubscriberAdministration subscribers, RsvpService rsvps, Outbox outbox, IOutputCacheStore cache)
{
    public async Task<PersonalRecords?> FindAsync(string? email, CancellationToken ct = default)
    {
        if (EmailAddresses.Normalize(email) is not { } normalized) return null;
        // Any case of the local part: the person asking may not type it as they once did. (SQL's lower() may change
        // ASCII letters only, so the address as typed is matched as well: "Élodie@..." finds "Élodie@...".)
        var key = normalized.ToLowerInvariant();
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Email == normalized || s.Email.ToLower() == key, ct);
        var signatures = await db.PetitionSignatures.AsNoTracking().Where(s => s.Email == normalized || (s.Email != null && s.Email.ToLower() == key))
            .Join(db.Petitions, s => s.PetitionId, p => p.Id, (s, p) => new HeldSignature(s.Id, p.Slug, s.Name, s.Country, s.Status, s.CreatedAt, s.ConfirmedAt, s.ErasedAt, s.ShowName, s.DeliveryNotice))
            .ToListAsync(ct);
        var answers = await db.Rsvps.AsNoTracking().Where(r => r.Email == normalized || (r.Email != null && r.Email.ToLower() == key))
            .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new HeldAnswer(r.Id, e.Slug, e.StartsAt, r.Name, r.PartySize, r.Status, r.CreatedAt, r.ErasedAt))
            .ToListAsync(ct);
        var testimonials = await db.Testimonials.AsNoTracking().Where(t => t.Email == normalized || (t.Email != null && t.Email.ToLower() == key))
            .Select(t => new HeldTestimonial(t.Id, t.DisplayName, t.Status, t.SubmittedAt)).ToListAsync(ct);
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.To == normalized || m.To.ToLower() == key).OrderBy(m => m.Id)
            .Select(m => new HeldEmail(m.Kind, m.Subject, m.CreatedAt, m.SentAt, m.Status.ToString())).ToListAsync(ct);
        return new PersonalRecords(normalized, subscriber, [.. signatures.OrderBy(s => s.CreatedAt)], [.. answers.OrderBy(a => a.CreatedAt)], testimonials, emails);
    }

    /// <summary>Everything held under the address, as an object to serialise for the person; the download is audit logged (by counts).</summary>
    public async Task<object?> DownloadAsync(string? email, Actor actor, CancellationToken ct = default)
    {
        if (await FindAsync(email, ct) is not { } found) return null;
        await db.RecordAsync(clock, actor, AuditActions.PersonalDataDownloaded, details: Counts(found).ToString(), ct: ct);
        var s = found.Subscriber;
        return new
        {
            found.Email,
            Subscriber = s is null ? null : new
            {
                s.Email, s.Name, s.Country, s.Language, Status = s.Status.ToString(), s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt,
                Consent = new { s.Consent.Version, s.Consent.Text, s.Consent.GivenAt, s.Consent.Source },
            },
            // With the choices they made: their name shown on the page, an email when it is delivered.
            PetitionSignatures = found.Signatures.Select(x => new { x.Petition, x.Name, x.Country, Status = x.Status.ToString(), x.CreatedAt, x.ConfirmedAt, x.ShowName, DeliveryNotice = x.DeliveryNotice.ToString() }),
            EventAnswers = found.Answers.Select(x => new { x.Event, x.StartsAt, x.Name, People = x.PartySize, Status = x.Status.ToString(), x.CreatedAt }),
            Testimonials = found.Testimonials.Select(x => new { x.DisplayName, Status = x.Status.ToString(), x.SubmittedAt }),
            found.Emails,
        };
    }

    /// <summary>Erases what is held under the address (see the class); null when the address is not one.</summary>
    public async Task<ErasureCounts?> EraseAsync(string? email, Actor actor, CancellationToken ct = default)
    {
        if (EmailAddresses.Normalize(email) is not { } normalized) return null;
        var key = normalized.ToLowerInvariant();
        var counts = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Counted first: erasing a subscriber deletes the emails to them, and the count (the audit log's record of
            // the request) would say none were.
            var emailsToThem = db.OutboxMessages.Where(m => m.To == normalized || m.To.ToLower() == key);
            var emailCount = await emailsToThem.CountAsync(c);
            var subscriberIds = await db.Subscribers.Where(s => s.Email == normalized || s.Email.ToLower() == key).Select(s => s.Id).ToListAsync(c);
            foreach (var id in subscriberIds) await subscribers.EraseAsync(id, actor, c);

            var signatures = db.PetitionSignatures.Where(s => s.Email == normalized || (s.Email != null && s.Email.ToLower() == key));
            var signatureCount = await signatures.Where(s => s.Status == SignatureStatus.Pending).ExecuteDeleteAsync(c)
                + await PetitionSignatures.EraseSignersOf(signatures, now, c);

            // An answer holding places at an event to come gives them up first, to the waitlist, as a cancellation does:
            // under each event's lock (taken in one order, so two erasures never wait on each other), read after it.
            var answers = db.Rsvps.Where(r => r.Email == normalized || (r.Email != null && r.Email.ToLower() == key));
            var eventIds = await answers.Select(r => r.EventId).Distinct().OrderBy(id => id).ToListAsync(c);
            foreach (var eventId in eventIds)
            {
                await db.Database.LockAsync(EventEditor.LockKey(eventId), c);
                var e = await db.Events.SingleAsync(x => x.Id == eventId, c);
                if (!RsvpService.IsOpen(e, now)) continue;
                var holding = await answers.Where(r => r.EventId == eventId && (r.Status == RsvpStatus.Confirmed || r.Status == RsvpStatus.Waitlisted)).ToListAsync(c);
                if (holding.Count == 0) continue;
                foreach (var rsvp in holding) (rsvp.Status, rsvp.CancelledAt) = (RsvpStatus.Cancelled, now);
                await rsvps.PromoteAsync(e, now, c);
            }
            var answerCount = await answers.Where(r => r.Status == RsvpStatus.Pending).ExecuteDeleteAsync(c)
                + await EraseAttendeesHandler.EraseWhoAnswered(answers, now, c);

            var testimonialCount = await db.Testimonials.Where(t => t.Email == normalized || (t.Email != null && t.Email.ToLower() == key))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Email, (string?)null).SetProperty(t => t.NotifyOnPublish, false)
                    .SetProperty(t => t.IpHash, (string?)null), c);
            await emailsToThem.ExecuteDeleteAsync(c);

            var erased = new ErasureCounts(subscriberIds.Count, signatureCount, answerCount, testimonialCount, emailCount);
            db.Audit(clock, actor, AuditActions.PersonalDataErased, details: erased.ToString());
            return erased;
        }, ct);
        // A signer's first name and initial may be on a petition's page; a place given up may have gone to the next in line, who is told.
        if (counts.Signatures > 0 || counts.Answers > 0)
        {
            outbox.Wake();
            await cache.EvictPublicAsync(ct);
        }
        // Erased from SQLite's log too, not only an hour later (by Maintenance, which tries again if readers kept it now).
        await db.EmptySqliteLogAsync(ct);
        return counts;
    }

    /// <summary>A personal-data download as the person reads it: indented, Arabic and Urdu as themselves (not \uXXXX).</summary>
    // The relaxed encoder leaves HTML's characters unescaped too, which is safe here: a download (attachment,
    // application/json), never a page.
    public static byte[] ToJsonFile(object data) =>
        JsonSerializer.SerializeToUtf8Bytes(data, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static ErasureCounts Counts(PersonalRecords found) =>
        new(found.Subscriber is null ? 0 : 1, found.Signatures.Count, found.Answers.Count, found.Testimonials.Count, found.Emails.Count);
}
