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
/// delivered" gets the editors' report, in the language they signed in. A piece per run (<see cref="JobPiece"/>), each
/// signature marked in the same write as its email is queued, so a run repeated after a crash tells nobody twice; signers erased by then (their
/// address gone) and signatures struck out are not written to.
/// </summary>
public sealed class PetitionDeliveredHandler(SiteDbContext db, TimeProvider clock, Outbox outbox, EmailTemplates templates, SiteUrls urls) : IJobHandler
{
    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return JobOutcome.Done;
        var more = await db.WriteAsync(async c =>
        {
            var petition = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.State == PetitionState.Delivered, c);
            if (petition is null) return false;
            var titles = await db.Texts.AsNoTracking().Where(t => t.Kind == TextKinds.Petition && t.ItemId == id && t.IsPublished)
                .Select(t => new { t.Culture, Title = t.PublishedTitle ?? "" }).ToListAsync(c);
            var waiting = db.PetitionSignatures
                .Where(s => s.PetitionId == id && s.Status == SignatureStatus.Confirmed && s.DeliveryNotice == DeliveryNotice.Asked && s.Email != null)
                .OrderBy(s => s.Id);
            return await JobPiece.EachAsync(waiting, signature =>
            {
                // The title by the rule every text follows: the signer's language where published, else the English.
                var title = ContentService.ForReader(titles, t => t.Culture, signature.Language)?.Text.Title ?? "";
                var page = urls.Absolute(SiteCultures.PathFor(signature.Language, PetitionReader.PetitionPath(petition.Slug)));
                outbox.Queue(OutboxKinds.PetitionDelivered, signature.Email!,
                    templates.PetitionDelivered(signature.Language, signature.Name, title, petition.AddressedTo, petition.DeliveryReport ?? "", page));
                signature.DeliveryNotice = DeliveryNotice.Sent;
                return Task.CompletedTask;
            }, c);
        }, ct);
        outbox.Wake();
        return more ? JobOutcome.Again(clock.GetUtcNow().UtcDateTime) : JobOutcome.Done;
    }
}
