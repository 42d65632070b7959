using System.Globalization;
using CsvHelper;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Petitions;

/// <summary>Which signatures the editors' list shows. Null status: all.</summary>
public sealed record SignatureFilter(string? Search, SignatureStatus? Status);

public sealed record SignatureListItem(long Id, string? Name, string? Email, string Country, SignatureStatus Status, bool ShowName,
    DateTime CreatedAt, DateTime? ConfirmedAt, string? StruckOutReason, DateTime? ErasedAt);

public sealed record SignaturePage(IReadOnlyList<SignatureListItem> Items, int Page, int PageCount, int Total);

/// <summary>
/// What editors do with a petition's signatures: list and search them, strike one out as fraud (it leaves the count),
/// export them for delivery, and the erasure of names and emails once the petition has been closed long enough.
/// </summary>
public sealed class PetitionSignatures(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache, IOptions<PetitionOptions> options)
{
    public const int PageSize = 50;

    public async Task<SignaturePage> PageAsync(int petitionId, SignatureFilter filter, int page, CancellationToken ct = default)
    {
        var query = Filtered(petitionId, filter);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new SignatureListItem(s.Id, s.Name, s.Email, s.Country, s.Status, s.ShowName, s.CreatedAt, s.ConfirmedAt, s.StruckOutReason, s.ErasedAt))
            .ToListAsync(ct);
        return new SignaturePage(items, page, pageCount, total);
    }

    private IQueryable<PetitionSignature> Filtered(int petitionId, SignatureFilter filter)
    {
        var query = db.PetitionSignatures.AsNoTracking().Where(s => s.PetitionId == petitionId);
        if (filter.Status is { } status) query = query.Where(s => s.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = "%" + filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(s => EF.Functions.Like(s.Email!, pattern, "\\") || EF.Functions.Like(s.Name!, pattern, "\\") || s.Country == filter.Search.Trim().ToUpper());
        }
        return query;
    }

    /// <summary>
    /// Strikes a signature out as fraud, with the reason, in the audit log too: it leaves the count and the list of
    /// signers. False when there is no such signature of the petition, or it is struck out already.
    /// </summary>
    public async Task<bool> StrikeOutAsync(int petitionId, long id, string reason, Actor actor, CancellationToken ct = default)
    {
        reason = (reason ?? "").Trim();
        var done = await db.WriteAsync(async c =>
        {
            var signature = await db.PetitionSignatures.SingleOrDefaultAsync(s => s.Id == id && s.PetitionId == petitionId, c);
            if (signature is null || signature.Status == SignatureStatus.StruckOut) return false;
            var slug = await db.Petitions.Where(p => p.Id == petitionId).Select(p => p.Slug).SingleAsync(c);
            var now = clock.GetUtcNow().UtcDateTime;
            var was = signature.Status;
            (signature.Status, signature.StruckOutAt, signature.StruckOutReason, signature.StruckOutBy) = (SignatureStatus.StruckOut, now, reason, actor.Name);
            (signature.ConfirmTokenHash, signature.ConfirmTokenExpiresAt) = (null, null);
            db.Audit(clock, actor, AuditActions.SignatureStruckOut, AuditTargets.Signature(id), $"{AuditTargets.Petition(slug)}; was {was.ToString().ToLowerInvariant()}; {reason}");
            return true;
        }, ct);
        if (done) await cache.EvictPublicAsync(ct);
        return done;
    }

    /// <summary>
    /// Writes the petition's confirmed signatures as CSV for delivery, row by row: name, country and date, and the
    /// email only when <paramref name="withEmails"/>. Audit logged with what it held.
    /// </summary>
    public async Task ExportAsync(int petitionId, bool withEmails, Stream output, Actor actor, CancellationToken ct = default)
    {
        var slug = await db.Petitions.Where(p => p.Id == petitionId).Select(p => p.Slug).SingleAsync(ct);
        await db.RecordAsync(clock, actor, AuditActions.PetitionSignaturesExported, AuditTargets.Petition(slug), withEmails ? "with emails" : "without emails", ct);
        await using var csv = CsvWriter.Create(output, Admin.CsvExports.Options, leaveOpen: true);
        csv.WriteHeader(withEmails ? ["name", "country", "signed_on", "email"] : ["name", "country", "signed_on"]);
        var rows = db.PetitionSignatures.AsNoTracking().Where(s => s.PetitionId == petitionId && s.Status == SignatureStatus.Confirmed)
            .OrderBy(s => s.ConfirmedAt).ThenBy(s => s.Id).Select(s => new { s.Name, s.Country, s.ConfirmedAt, s.Email }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteField(row.Name ?? "");
            csv.WriteField(row.Country);
            csv.WriteField(row.ConfirmedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (withEmails) csv.WriteField(row.Email ?? "");
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>Erases who signed, keeping what the signatures count (country, dates, status); the number of signatures erased.</summary>
    public static Task<int> EraseSignersOf(IQueryable<PetitionSignature> signatures, DateTime now, CancellationToken ct) =>
        signatures.ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Name, (string?)null)
            .SetProperty(s => s.Email, (string?)null)
            .SetProperty(s => s.ConfirmTokenHash, (string?)null)
            .SetProperty(s => s.ConfirmTokenExpiresAt, (DateTime?)null)
            .SetProperty(s => s.ErasedAt, now), ct);

    /// <summary>
    /// What the <see cref="JobKinds.ErasePetitionSigners"/> job runs: once the petition's signing ended
    /// Petitions:EraseSignersAfterDays ago, erases every signer's name and email, keeping the country and dates
    /// (so the count and the delivery record stay). Before that time it answers when to come back; run twice, the
    /// second run finds nothing to erase.
    /// </summary>
    public async Task<JobOutcome> EraseSignersAsync(int petitionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var petition = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == petitionId, ct);
        // Signing ended (or will, by its closing date): an editor's close, else the closing date. A draft never had signers.
        if (petition is null || petition.State == PetitionState.Draft || (petition.ClosedAt ?? petition.ClosesAt) is not { } ended) return JobOutcome.Done;
        var due = ended.AddDays(options.Value.EraseSignersAfterDays);
        if (due > now) return JobOutcome.Again(due);
        var erased = await db.WriteAsync(async c =>
        {
            var count = await EraseSignersOf(db.PetitionSignatures.Where(s => s.PetitionId == petitionId && s.ErasedAt == null), now, c);
            var stored = await db.Petitions.SingleAsync(p => p.Id == petitionId, c);
            stored.SignersErasedAt ??= now;
            if (count > 0) db.Audit(clock, Actor.System, AuditActions.PetitionSignersErased, AuditTargets.Petition(stored.Slug), $"{count} signers' names and emails erased");
            return count;
        }, ct);
        if (erased > 0) await cache.EvictPublicAsync(ct);
        return JobOutcome.Done;
    }
}

/// <summary>Runs <see cref="JobKinds.ErasePetitionSigners"/> for the petition whose id is the key.</summary>
public sealed class ErasePetitionSignersHandler(PetitionSignatures signatures, ILogger<ErasePetitionSignersHandler> logger) : IJobHandler
{
    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            logger.LogError("An erase-petition-signers job has the key \"{Key}\", which is not a petition's id; it is dropped.", key);
            return JobOutcome.Done;
        }
        return await signatures.EraseSignersAsync(id, ct);
    }
}
