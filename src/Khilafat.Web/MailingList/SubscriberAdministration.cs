using System.Globalization;
using System.Text;
using CsvHelper;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Settings;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.MailingList;

/// <summary>The subscriber list's filters; <c>Bouncing</c>: only those marked as bouncing (<see cref="Subscriber.BouncingSince"/>).</summary>
public sealed record SubscriberFilter(string? Search, SubscriberStatus? Status, string? Country, string? Language = null, bool Bouncing = false);

public sealed record SubscriberListItem(int Id, string Email, string? Name, string? Country, string Language, SubscriberStatus Status, DateTime CreatedAt,
    int BounceCount = 0, DateTime? BouncingSince = null);

public sealed record SubscriberList(IReadOnlyList<SubscriberListItem> Items, int Total, int Page, int PageCount, IReadOnlyDictionary<SubscriberStatus, int> Counts,
    int Bouncing = 0);

/// <summary>
/// An admin's word that the people in an imported list already agreed to receive the movement's email: where and how
/// (<paramref name="Text"/>) and when (<paramref name="GivenOn"/>). Recorded on each imported subscriber's consent.
/// </summary>
public sealed record ConsentAttestation(string Text, DateOnly GivenOn)
{
    public const int TextMaxLength = 500;

    /// <summary>
    /// The problems of an attestation as typed, keyed "Text" and "GivenOn". A date is in the future when it has not
    /// begun anywhere on Earth yet (UTC+14), so an admin east of UTC can give their own today.
    /// </summary>
    public static Dictionary<string, string> Check(string? text, DateOnly? givenOn, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) errors["Text"] = "Say where and how these people gave their consent.";
        else if (trimmed.Length > TextMaxLength) errors["Text"] = $"Write at most {TextMaxLength} characters.";
        if (givenOn is null) errors["GivenOn"] = "Enter the date the consent was given.";
        else if (givenOn > DateOnly.FromDateTime(now.UtcDateTime.AddHours(14))) errors["GivenOn"] = "The date cannot be in the future.";
        return errors;
    }
}

public sealed record ImportError(int Line, string Message);

public sealed record ImportResult(int Added, int Duplicates, int SkippedUnsubscribed, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public sealed record DayCount(DateOnly Day, int Count);

/// <summary>What editors do with the list: find, look at, unsubscribe, erase, export and import subscribers. Each is audited.</summary>
public sealed class SubscriberAdministration(SiteDbContext db, TimeProvider clock, MailingListService mailingList, Outbox outbox)
{
    public const int PageSize = 50;
    public const int MaxImportRows = 100_000;

    public async Task<SubscriberList> ListAsync(SubscriberFilter filter, int page, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderByDescending(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new SubscriberListItem(s.Id, s.Email, s.Name, s.Country, s.Language, s.Status, s.CreatedAt, s.BounceCount, s.BouncingSince))
            .ToListAsync(ct);
        var counts = await db.Subscribers.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var status in Enum.GetValues<SubscriberStatus>()) counts.TryAdd(status, 0);
        var bouncing = await db.Subscribers.CountAsync(s => s.BouncingSince != null, ct);
        return new SubscriberList(items, total, page, pageCount, counts, bouncing);
    }

    /// <summary>The countries subscribers have given, for the filter.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken ct = default) =>
        await db.Subscribers.Where(s => s.Country != null).Select(s => s.Country!).Distinct().OrderBy(c => c).ToListAsync(ct);

    public Task<Subscriber?> GetAsync(int id, CancellationToken ct = default) =>
        db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    public Task<bool> UnsubscribeAsync(int id, Actor actor, CancellationToken ct = default) => db.WriteAsync(async c =>
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, c);
        if (subscriber is null) return false;
        db.Audit(clock, actor, AuditActions.SubscriberUnsubscribed, Target(id));
        await mailingList.UnsubscribeAsync(subscriber, c);
        return true;
    }, ct);

    /// <summary>
    /// Clears the bouncing mark (an address that works again, say after its mailbox was fixed): later sends include
    /// them again, and their count of permanent failures starts over. False when there is no such subscriber.
    /// </summary>
    public Task<bool> ClearBouncingAsync(int id, Actor actor, CancellationToken ct = default) => db.WriteAsync(async c =>
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, c);
        if (subscriber is null) return false;
        if (subscriber.BouncingSince is null && subscriber.BounceCount == 0) return true;
        var details = subscriber.BouncingSince is { } since
            ? $"bouncing since {Format(since)} after {subscriber.BounceCount} permanent failures"
            : $"{subscriber.BounceCount} permanent failures, not yet bouncing";
        (subscriber.BouncingSince, subscriber.BounceCount) = (null, 0);
        db.Audit(clock, actor, AuditActions.SubscriberBouncingCleared, Target(id), details);
        return true;
    }, ct);

    /// <summary>
    /// Removes everything held about the subscriber (their row and every email to them, sent or not). Only a count
    /// of erasures remains; the audit entry names the subscriber by number, not by address.
    /// </summary>
    public Task<bool> EraseAsync(int id, Actor actor, CancellationToken ct = default) => db.WriteAsync(async c =>
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, c);
        if (subscriber is null) return false;
        await db.OutboxMessages.Where(m => m.SubscriberId == id || m.To == subscriber.Email).ExecuteDeleteAsync(c);
        db.Subscribers.Remove(subscriber);
        // One statement that adds one to what is stored (or stores 1): on PostgreSQL two erasures at once would both
        // read the same count and write the same next one, losing an erasure, if this read the count and wrote it back.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Settings" ("Key", "Value") VALUES ({SettingKeys.ErasedSubscriberCount}, '1')
            ON CONFLICT ("Key") DO UPDATE SET "Value" = CAST(CAST("Settings"."Value" AS INTEGER) + 1 AS TEXT)
            """, c);
        db.Audit(clock, actor, AuditActions.SubscriberErased, Target(id));
        return true;
    }, ct);

    public async Task<int> ErasedCountAsync(CancellationToken ct = default) =>
        int.TryParse(await db.Settings.Where(s => s.Key == SettingKeys.ErasedSubscriberCount).Select(s => s.Value).SingleOrDefaultAsync(ct), out var n) ? n : 0;

    /// <summary>Everything held about one subscriber, for them to have (a subject access request), as an object to serialise.</summary>
    public async Task<object?> PersonalDataAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var s = await GetAsync(id, ct);
        if (s is null) return null;
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.SubscriberId == id)
            .OrderBy(m => m.Id).Select(m => new { m.Kind, m.Subject, m.CreatedAt, m.SentAt, Status = m.Status.ToString() }).ToListAsync(ct);
        await db.RecordAsync(clock, actor, AuditActions.SubscriberDataDownloaded, Target(id), ct: ct);
        return new
        {
            s.Email, s.Name, s.Country, s.Language, Status = s.Status.ToString(), s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt, s.BounceCount, s.BouncingSince,
            Consent = new
            {
                s.Consent.Version, s.Consent.Text, s.Consent.GivenAt, s.Consent.Source,
                s.Consent.Attestation, s.Consent.AttestedOn,
            },
            Emails = emails,
        };
    }

    /// <summary>Writes the filtered list as CSV, row by row from the database, so a list of any size never sits in memory at once.</summary>
    public async Task ExportAsync(SubscriberFilter filter, Stream output, Actor actor, CancellationToken ct = default)
    {
        await db.RecordAsync(clock, actor, AuditActions.SubscribersExported, AuditTargets.Subscribers, Describe(filter), ct);
        await using var csv = CsvWriter.Create(output, Admin.CsvExports.Options, leaveOpen: true);
        csv.WriteHeader(ExportColumns);
        var rows = Filtered(filter).OrderBy(s => s.Id).Select(s => new
        {
            s.Email, s.Name, s.Country, s.Status, s.Language, s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt,
            s.Consent.Version, s.Consent.GivenAt, s.Consent.Source, s.Consent.Attestation, s.Consent.AttestedOn, s.BounceCount, s.BouncingSince,
        }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteField(row.Email);
            csv.WriteField(row.Name);
            csv.WriteField(row.Country);
            csv.WriteField(row.Status.ToString());
            csv.WriteField(row.Language);
            csv.WriteField(Format(row.CreatedAt));
            csv.WriteField(Format(row.ConfirmedAt));
            csv.WriteField(Format(row.UnsubscribedAt));
            csv.WriteField(row.Version);
            csv.WriteField(Format(row.GivenAt));
            csv.WriteField(row.Source);
            csv.WriteField(row.Attestation);
            csv.WriteField(row.AttestedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(row.BounceCount.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Format(row.BouncingSince));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    public static readonly string[] ExportColumns =
        ["email", "name", "country", "status", "language", "created_at", "confirmed_at", "unsubscribed_at", "consent_version", "consent_given_at", "consent_source",
         "consent_attestation", "consent_attested_on", "bounce_count", "bouncing_since"];

    private static string? Format(DateTime? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Imports a CSV of email, name and country (a header row names the columns). Every row is checked first: one bad
    /// row imports nothing, and each is reported by its line number. Good rows are added as Pending and sent a
    /// confirmation; addresses already on the list (or twice in the file) are skipped, and so are addresses that
    /// unsubscribed, whose opt-out an import must not override. With <paramref name="attested"/> (an admin's word
    /// that these people gave their consent, as MailPoet and listmonk allow) they are added as Confirmed instead,
    /// with the attestation on each one's consent record and in the audit log, and no email.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream input, Actor actor, ConsentAttestation? attested = null, CancellationToken ct = default)
    {
        if (attested is not null && ConsentAttestation.Check(attested.Text, attested.GivenOn, clock.GetUtcNow()) is { Count: > 0 } refused)
            throw new ArgumentException(string.Join(" ", refused.Values), nameof(attested));
        var (rows, errors) = await ReadImportAsync(input, ct);
        if (errors.Count > 0) return new ImportResult(0, 0, 0, errors);

        var unique = rows.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
        attested = attested is null ? null : attested with { Text = attested.Text.Trim() };
        // On PostgreSQL someone can sign up with one of the addresses while the import runs: it rolls back whole and
        // goes again (see WriteAsync), with that address counted as already on the list.
        var result = await db.WriteAsync(c => ImportOnceAsync(unique, rows.Count - unique.Count, actor, attested, c), ct);
        if (attested is null) outbox.Wake();
        return result;
    }

    private async Task<ImportResult> ImportOnceAsync(List<ImportRow> unique, int duplicates, Actor actor, ConsentAttestation? attested, CancellationToken ct)
    {
        var emails = unique.Select(r => r.Email).ToList();
        var existing = new Dictionary<string, SubscriberStatus>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in emails.Chunk(500))
        {
            foreach (var s in await db.Subscribers.Where(s => chunk.Contains(s.Email)).Select(s => new { s.Email, s.Status }).ToListAsync(ct))
                existing[s.Email] = s.Status;
        }
        var unsubscribed = unique.Count(r => existing.TryGetValue(r.Email, out var status) && status == SubscriberStatus.Unsubscribed);
        duplicates += unique.Count(r => existing.TryGetValue(r.Email, out var status) && status != SubscriberStatus.Unsubscribed);

        var now = clock.GetUtcNow().UtcDateTime;
        var added = unique.Where(r => !existing.ContainsKey(r.Email)).Select(r => new Subscriber
        {
            Email = r.Email, Name = r.Name, Country = r.Country, Language = "en", CreatedAt = now,
            Status = attested is null ? SubscriberStatus.Pending : SubscriberStatus.Confirmed,
            ConfirmedAt = attested is null ? null : now,
            Consent = attested is null
                ? new Consent { Version = ConsentWording.ImportVersion, Text = ConsentWording.ImportText, GivenAt = now, Source = "import by " + actor.Name }
                : new Consent
                {
                    Version = ConsentWording.AttestedImportVersion, Text = ConsentWording.AttestedImportText, GivenAt = now, Source = "import by " + actor.Name,
                    Attestation = attested.Text, AttestedOn = attested.GivenOn,
                },
        }).ToList();
        db.Subscribers.AddRange(added);
        await db.SaveChangesAsync(ct);
        var counts = $"{added.Count} added, {duplicates} duplicates skipped, {unsubscribed} unsubscribed skipped";
        if (attested is null)
        {
            foreach (var subscriber in added) await mailingList.QueueConfirmationAsync(subscriber, now);
            db.Audit(clock, actor, AuditActions.SubscribersImported, AuditTargets.Subscribers, counts);
        }
        else
        {
            db.Audit(clock, actor, AuditActions.SubscribersImportedConfirmed, AuditTargets.Subscribers,
                $"{counts}; added as Confirmed on the importer's attestation that consent was given on {attested.GivenOn:yyyy-MM-dd}: {attested.Text}");
        }
        return new ImportResult(added.Count, duplicates, unsubscribed, []);
    }

    private static async Task<(List<ImportRow> Rows, List<ImportError> Errors)> ReadImportAsync(Stream input, CancellationToken ct)
    {
        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        await using var csv = CsvReader.Create(input, new CsvReaderOptions
        {
            TrackLineNumbers = true,
            NormalizeHeaderName = header => header.Trim().ToLowerInvariant(),
            MalformedData = CsvMalformedDataHandling.Throw,
        }, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(ct);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidOperationException or EndOfStreamException)
        {
            errors.Add(new ImportError(1, "The file is empty or is not CSV. The first line must name the columns: email, name, country."));
            return (rows, errors);
        }
        if (!csv.TryGetFieldIndex("email", out var emailColumn))
        {
            errors.Add(new ImportError(1, "The first line must name the columns, with at least \"email\" (and optionally \"name\" and \"country\")."));
            return (rows, errors);
        }
        int? nameColumn = csv.TryGetFieldIndex("name", out var n) ? n : null;
        int? countryColumn = csv.TryGetFieldIndex("country", out var c) ? c : null;

        while (true)
        {
            try
            {
                if (!await csv.ReadAsync(ct)) break;
            }
            catch (CsvFormatException e)
            {
                errors.Add(new ImportError((int)csv.LineNumber, "This line is not valid CSV: " + e.Message));
                break;
            }
            var line = (int)csv.LineNumber;
            if (rows.Count + errors.Count >= MaxImportRows)
            {
                errors.Add(new ImportError(line, $"The file has more than {MaxImportRows:N0} rows. Split it into smaller files."));
                break;
            }
            string? Field(int? column) => column is { } i && i < csv.FieldCount ? csv.GetString(i).Trim() : null;
            var rawEmail = Field(emailColumn);
            // Names lose what nobody sees (bidi controls, zero-width characters), as on /join.
            var name = Testimonials.VisitorText.StripInvisible(Field(nameColumn));
            var country = Field(countryColumn)?.ToUpperInvariant();
            if (string.IsNullOrEmpty(rawEmail) && string.IsNullOrEmpty(name) && string.IsNullOrEmpty(country)) continue;

            var email = EmailAddresses.Normalize(rawEmail);
            if (email is null) errors.Add(new ImportError(line, string.IsNullOrEmpty(rawEmail) ? "The email is missing." : $"\"{Shorten(rawEmail)}\" is not an email address."));
            else if (name is { Length: > Subscriber.NameMaxLength }) errors.Add(new ImportError(line, $"The name is longer than {Subscriber.NameMaxLength} characters."));
            // As /join's name: one line, no control characters (a NUL is refused by PostgreSQL), no address, since the
            // welcome email greets them by it.
            else if (name is not null && !SingleLineNameAttribute.IsPlainName(name)) errors.Add(new ImportError(line, "The name must be on one line, without control characters or web or email addresses."));
            else if (!string.IsNullOrEmpty(country) && !Countries.IsKnown(country)) errors.Add(new ImportError(line, $"\"{Shorten(country)}\" is not a two-letter country code (like GB or PK)."));
            else rows.Add(new ImportRow(email, string.IsNullOrEmpty(name) ? null : name, string.IsNullOrEmpty(country) ? null : country));
        }
        return (rows, errors);
    }

    /// <summary>Sign-ups per day (UTC) over the last <paramref name="days"/> days, today included, days without any as 0.</summary>
    public async Task<IReadOnlyList<DayCount>> SignUpsPerDayAsync(int days, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var counts = await db.Subscribers.Where(s => s.CreatedAt >= from)
            .GroupBy(s => s.CreatedAt.Date).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enumerable.Range(0, days).Select(i => today.AddDays(i + 1 - days))
            .Select(day => new DayCount(day, counts.Where(c => DateOnly.FromDateTime(c.Key) == day).Sum(c => c.Count)))
            .ToList();
    }

    private IQueryable<Subscriber> Filtered(SubscriberFilter filter)
    {
        var query = db.Subscribers.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(s => s.Status == status);
        if (!string.IsNullOrEmpty(filter.Country)) query = query.Where(s => s.Country == filter.Country);
        if (!string.IsNullOrEmpty(filter.Language)) query = query.Where(s => s.Language == filter.Language);
        if (filter.Bouncing) query = query.Where(s => s.BouncingSince != null);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var pattern = "%" + Escape(term) + "%";
            // Whatever the case, as SQLite's LIKE matches (for ASCII); PostgreSQL's LIKE minds case, its ILIKE does not.
            query = db.Database.IsSqlite()
                ? query.Where(s => EF.Functions.Like(s.Email, pattern, "\\") || (s.Name != null && EF.Functions.Like(s.Name, pattern, "\\")))
                : query.Where(s => EF.Functions.ILike(s.Email, pattern, "\\") || (s.Name != null && EF.Functions.ILike(s.Name, pattern, "\\")));
        }
        return query;
    }

    private static string Escape(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string Describe(SubscriberFilter filter) =>
        // The search itself is not recorded: it is often a person's address, which would outlive their erasure here.
        $"status={filter.Status?.ToString() ?? "all"} country={filter.Country ?? "all"} language={filter.Language ?? "all"} search={(string.IsNullOrWhiteSpace(filter.Search) ? "none" : "(not recorded)")}"
        + (filter.Bouncing ? " bouncing only" : "");

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 60 ? value : value[..60] + "…";

    private static string Target(int id) => AuditTargets.Subscriber(id);

    private sealed record ImportRow(string Email, string? Name, string? Country);
}
