using System.Globalization;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Petitions;

/// <summary>
/// Runs <see cref="JobKinds.PetitionDelivered"/>: each confirmed signer who ticked "email me once when this petition is
/// delivered" gets the editors' report, in the language they signed in. A batch per run, each signature marked in the
/// same write as its email is queued, so a run repeated after a crash tells nobody twice; signers erased by then (their
/// address gone) and signatures struck out are not written to.
/// </summary>
public sealed class PetitionDeliveredHandler(SiteDbContext db, TimeProvider clock, Outbox outbox, EmailTemplates templates, SiteUrls urls) : IJobHandler
{
    /// <summary>Messages queued per run (one transaction each); the job runs again at once for the rest.</summary>
    public const int Batch = 200;

    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return JobOutcome.Done;
        var more = await db.WriteAsync(async c =>
        {
            var petition = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.State == PetitionState.Delivered, c);
            if (petition is null) return false;
            var batch = await db.PetitionSignatures
                .Where(s => s.PetitionId == id && s.Status == SignatureStatus.Confirmed && s.DeliveryNotice == DeliveryNotice.Asked && s.Email != null)
                .OrderBy(s => s.Id).Take(Batch + 1).ToListAsync(c);
            if (batch.Count == 0) return false;
            // Each signer's language's published title, else the English one, as the petition's page falls back.
            var titles = await db.Texts.AsNoTracking().Where(t => t.Kind == TextKinds.Petition && t.ItemId == id && t.IsPublished)
                .ToDictionaryAsync(t => t.Culture, t => t.PublishedTitle ?? "", c);
            foreach (var signature in batch.Take(Batch))
            {
                var title = titles.GetValueOrDefault(signature.Language) ?? titles.GetValueOrDefault(SiteCultures.Default) ?? "";
                var page = urls.Absolute(SiteCultures.PathFor(signature.Language, PetitionReader.PetitionPath(petition.Slug)));
                outbox.Queue(OutboxKinds.PetitionDelivered, signature.Email!,
                    templates.PetitionDelivered(signature.Language, signature.Name, title, petition.AddressedTo, petition.DeliveryReport ?? "", page));
                signature.DeliveryNotice = DeliveryNotice.Sent;
            }
            return batch.Count > Batch;
        }, ct);
        outbox.Wake();
        return more ? JobOutcome.Again(clock.GetUtcNow().UtcDateTime) : JobOutcome.Done;
    }
}
