using System.Globalization;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Updates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// A large list and a send to it, written straight into a running site's database (SQLite file or PostgreSQL), for
/// the tests that run the site as a process: its editors' pages are not what these tests are about, and a few
/// thousand sign-ups through the form would take minutes.
/// </summary>
public static class ListSends
{
    public const string Subject = "Relief convoy reached the border";

    /// <summary>A context on the SQLite file a site process uses (the site's own pragmas are per connection; this one waits for its writes too).</summary>
    public static SiteDbContext Sqlite(string databasePath) =>
        new(new DbContextOptionsBuilder<SiteDbContext>().UseSqlite(
            new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 30 }.ToString()).Options);

    /// <summary>Adds <paramref name="count"/> confirmed subscribers, "{prefix}-{n}@example.org" for n = 1..count, in one statement.</summary>
    public static async Task<IReadOnlyList<string>> AddConfirmedSubscribersAsync(SiteDbContext db, string prefix, int count)
    {
        // A recursive CTE makes the rows in the database itself, the same SQL on SQLite and PostgreSQL. The count and
        // the prefix are the test's own.
        var sql = $$"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {{count}})
            INSERT INTO "Subscribers" ("Email", "Language", "Status", "CreatedAt", "ConfirmedAt", "ConfirmationsOnDay", "BounceCount",
                "Consent_Version", "Consent_Text", "Consent_GivenAt", "Consent_Source")
            SELECT '{{prefix}}-' || i || '@example.org', 'en', 1, {0}, {0}, 0, 0,
                'test', 'Send me the movement''s updates by email.', {0}, 'test'
            FROM n
            """;
        await db.Database.ExecuteSqlRawAsync(sql, DateTime.UtcNow);
        return [.. Enumerable.Range(1, count).Select(i => $"{prefix}-{i.ToString(CultureInfo.InvariantCulture)}@example.org")];
    }

    /// <summary>
    /// Starts a send of a new email-only update to every confirmed subscriber, as <see cref="UpdateSends.StartAsync"/>
    /// stores it: the send with its English words, and its expansion job, due at <paramref name="dueAt"/> (now by default).
    /// The site's job runner finds the job on its next poll. Returns the send's id.
    /// </summary>
    public static async Task<int> StartSendAsync(SiteDbContext db, DateTime? dueAt = null)
    {
        var now = DateTime.UtcNow;
        var update = new Update { Slug = "convoy-" + Guid.NewGuid().ToString("N")[..8], ShowOnSite = false, CreatedAt = now, UpdatedAt = now };
        db.Updates.Add(update);
        await db.SaveChangesAsync();
        var send = new UpdateSend { UpdateId = update.Id, Status = SendStatus.Sending, CreatedAt = now, CreatedBy = "editor@example.org" };
        send.Texts.Add(new SendText { Culture = "en", Subject = Subject, Body = "The convoy of **flour and medicine** reached the border this morning." });
        db.UpdateSends.Add(send);
        await db.SaveChangesAsync();
        db.Jobs.Add(new Job { Kind = JobKinds.ExpandSend, Key = send.Id.ToString(CultureInfo.InvariantCulture), DueAt = dueAt ?? now, Status = JobStatus.Waiting, CreatedAt = now });
        await db.SaveChangesAsync();
        return send.Id;
    }

    /// <summary>The send as it stands: expanded or not, its status, and its messages by status.</summary>
    public static async Task<SendState> StateAsync(SiteDbContext db, int sendId)
    {
        var send = await db.UpdateSends.AsNoTracking().SingleAsync(s => s.Id == sendId);
        var counts = await db.OutboxMessages.Where(m => m.SendId == sendId).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return new SendState(send.Status, send.Expanded, counts.Values.Sum(), counts.GetValueOrDefault(OutboxStatus.Sent), counts.GetValueOrDefault(OutboxStatus.Queued));
    }
}

public sealed record SendState(SendStatus Status, bool Expanded, int Messages, int Sent, int Queued)
{
    public bool Finished => Status == SendStatus.Finished && Queued == 0;
}

/// <summary>One message as the SMTP server received it: to whom, and its Message-ID (the outbox's, the same on every try).</summary>
public sealed record Delivery(string To, string MessageId)
{
    public static IReadOnlyList<Delivery> All(netDumbster.smtp.SimpleSmtpServer smtp) =>
        [.. smtp.Received().Select(m => new Delivery(m.ToAddresses.Single().Address, m.Headers["Message-ID"] ?? "(none)"))];
}
