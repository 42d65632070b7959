using System.Linq.Expressions;
using Khilafat.Web.Data;
using Khilafat.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Khilafat.Web.MailingList;

/// <summary>A row confirmed by a link in an email (a subscriber, a signature, an answer to an event): its token, and what the limits count.</summary>
public interface IConfirmedByEmail
{
    string? Email { get; }
    string? ConfirmTokenHash { get; set; }
    DateTime? ConfirmTokenExpiresAt { get; set; }

    /// <summary>When the last confirmation email was queued, and how many were queued on <see cref="ConfirmationsDay"/>.</summary>
    DateTime? LastConfirmationAt { get; set; }
    DateOnly? ConfirmationsDay { get; set; }
    int ConfirmationsOnDay { get; set; }
}

/// <summary>
/// The limits on confirmation emails, against list-bombing (someone entering another person's address again and again):
/// one per 10 minutes and 3 a day for a mailbox, counting every +variant of its address, since amina+1@, amina+2@ ...
/// would otherwise each be a new address with an allowance of its own. The list, each petition and each event count their own.
/// </summary>
public static class ConfirmationLimits
{
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(10);
    public const int PerDay = 3;

    /// <summary>What the rows of one mailbox say: whether it has any, and whether it may get another confirmation now.</summary>
    public readonly record struct Mailbox(bool HasRows, bool MayGetAnother);

    /// <summary>What the limits read of each row of a mailbox, with the row's scope (its petition's or event's id; 0 on the list).</summary>
    public sealed record Counters(DateTime? LastConfirmationAt, DateOnly? ConfirmationsDay, int ConfirmationsOnDay, int Scope);

    /// <summary>
    /// The read of a mailbox's counters among one kind of row, compiled ahead once for each provider (a static of its
    /// caller). A LINQ query's plan is cached too, but EF Core still walks and hashes its expression on every run to
    /// find it: under a burst of sign-ups that was half of the read, and the read a quarter of a sign-up's turn in the
    /// write. <paramref name="rows"/> gives the rows from the context; <paramref name="scopeOf"/> the id that keeps
    /// each petition's (each event's) limits apart, none on the list.
    /// </summary>
    public sealed class MailboxRows<T>(Expression<Func<SiteDbContext, IQueryable<T>>> rows, Expression<Func<T, int>>? scopeOf = null)
        where T : class, IConfirmedByEmail
    {
        // Email is case-insensitive in both databases (NOCASE, citext), and so are = and LIKE on it. SQLite finds the
        // +variants' prefix in the address's NOCASE index; PostgreSQL's index on citext serves no LIKE, so there the
        // pattern (lower case, as Mailbox gives it) is matched on lower("Email"), which has an index of its own
        // (the PostgreSQL migration MailboxVariantIndexes): without it every sign-up read the whole table (33 ms at
        // 20,000 rows, 0.3 ms with it). The scope is read, not asked for: with "PetitionId = @id" beside the address
        // terms, SQLite searched by the petition's index and read every signature of the petition (339 signatures/s
        // in the mixed load against 785-900 without), where the address's index finds the mailbox's few rows.
        private readonly CompiledPerProvider<Func<SiteDbContext, string, string, string, IAsyncEnumerable<Counters>>> _read = new(provider =>
            provider == Options.DatabaseProvider.Postgres
                ? Compile(rows, scopeOf ?? (_ => 0), (q, email, exact, variants) => q.Where(r => r.Email == email || r.Email == exact || EF.Functions.Like(r.Email!.ToLower(), variants, "\\")))
                : Compile(rows, scopeOf ?? (_ => 0), (q, email, exact, variants) => q.Where(r => r.Email == email || r.Email == exact || EF.Functions.Like(r.Email!, variants, "\\"))));

        /// <summary>
        /// The rows of <paramref name="email"/>'s mailbox (of one petition or event, for <paramref name="scope"/>): the
        /// address itself, its spelling without a +tag and every +variant. One read of their counters, not a query per
        /// limit: this runs inside the write, and on SQLite every statement there is time the other waiting writes wait
        /// too (see Data.SqliteGroupCommit). The address itself is always one of them, so a mailbox without rows has no
        /// row for the address either.
        /// </summary>
        public async Task<Mailbox> CheckAsync(SiteDbContext db, string email, DateTime now, CancellationToken ct, int scope = 0)
        {
            var (local, domain) = EmailAddresses.Mailbox(email);
            var exact = local + "@" + domain;
            var variants = EscapeLike(local) + "+%@" + EscapeLike(domain);
            var counts = new List<Counters>();
            await foreach (var row in _read.For(db)(db, email, exact, variants).WithCancellation(ct))
                if (row.Scope == scope) counts.Add(row);
            var recentSince = now - ResendInterval;
            var today = DateOnly.FromDateTime(now);
            var may = !counts.Any(c => c.LastConfirmationAt > recentSince)
                && counts.Where(c => c.ConfirmationsDay == today).Sum(c => c.ConfirmationsOnDay) < PerDay;
            return new Mailbox(counts.Count > 0, may);
        }

        // rows(db), filtered to the mailbox and projected to its counters and scope, as one lambda EF Core can compile.
        private static Func<SiteDbContext, string, string, string, IAsyncEnumerable<Counters>> Compile(Expression<Func<SiteDbContext, IQueryable<T>>> rows,
            Expression<Func<T, int>> scopeOf, Expression<Func<IQueryable<T>, string, string, string, IQueryable<T>>> inMailbox)
        {
            Expression<Func<T, int, Counters>> counters = (r, scope) => new Counters(r.LastConfirmationAt, r.ConfirmationsDay, r.ConfirmationsOnDay, scope);
            var row = counters.Parameters[0];
            var projection = Expression.Lambda<Func<T, Counters>>(ReplacingExpressionVisitor.Replace(counters.Parameters[1],
                ReplacingExpressionVisitor.Replace(scopeOf.Parameters[0], row, scopeOf.Body), counters.Body), row);
            var filtered = ReplacingExpressionVisitor.Replace(inMailbox.Parameters[0], rows.Body, inMailbox.Body);
            var body = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(Counters)], filtered, Expression.Quote(projection));
            return EF.CompileAsyncQuery(Expression.Lambda<Func<SiteDbContext, string, string, string, IQueryable<Counters>>>(
                body, rows.Parameters[0], inMailbox.Parameters[1], inMailbox.Parameters[2], inMailbox.Parameters[3]));
        }
    }

    /// <summary>
    /// Gives <paramref name="row"/> a new confirmation token (only its hash is stored, valid
    /// <see cref="MailingListService.ConfirmationLifetime"/>) and counts it; returns the token for the email's link.
    /// </summary>
    public static string IssueConfirmation(IConfirmedByEmail row, DateTime now) => IssueConfirmation(row, now, SiteKeys.NewToken());

    /// <summary>As <see cref="IssueConfirmation(IConfirmedByEmail, DateTime)"/>, with a token made before (an email written with it ahead of the write).</summary>
    public static string IssueConfirmation(IConfirmedByEmail row, DateTime now, (string Token, string Hash) confirmation)
    {
        var (token, hash) = confirmation;
        row.ConfirmTokenHash = hash;
        row.ConfirmTokenExpiresAt = now + MailingListService.ConfirmationLifetime;
        Count(row, now);
        return token;
    }

    /// <summary>
    /// Counts a sign-up (a signature, an answer) of an address already confirmed as a confirmation email would be
    /// counted, without sending one or touching its token; the caller's write saves it. That write then changes a row
    /// and flushes its commit as a new address's does: without it the answer came sooner when the address was already
    /// there (no commit to wait for: a median of 6.6 ms against 15.8 ms, `scripts/loadtest.sh --mode timing`), and the
    /// clock told whoever typed someone else's address that its owner is on the list, signed or answered. Asking again
    /// and again about one address also meets its mailbox's limit, as for any other, after which every address is
    /// answered without a write.
    /// </summary>
    public static void Count(IConfirmedByEmail row, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        row.ConfirmationsOnDay = row.ConfirmationsDay == today ? row.ConfirmationsOnDay + 1 : 1;
        row.ConfirmationsDay = today;
        row.LastConfirmationAt = now;
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
