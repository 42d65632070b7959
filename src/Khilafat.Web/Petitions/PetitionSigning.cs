using System.Net;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Petitions;

/// <summary>A signature as submitted (address already normalized and checked). The consent is recorded as shown: in the page's language, with the wording's version.</summary>
public sealed record SignRequest(string Slug, string Email, string Name, string Country, bool ShowName, string Language, string Source, IPAddress? Ip, string? ConsentText = null)
{
    public string ShownConsentText => ConsentText ?? PetitionConsentWording.Text;
    public string ConsentVersion => Language == "en" ? PetitionConsentWording.Version : $"{PetitionConsentWording.Version}-{Language}";
}

/// <summary>What a signing did. The visitor sees the same page for the first three, so nobody learns who signed.</summary>
public enum SignOutcome { Added, ConfirmationSent, NothingSent, NotSignable }

public enum SignatureLinkState { Valid, AlreadyConfirmed, Expired, Closed, Unknown }

/// <summary>
/// Signing a petition with double opt-in, as the mailing list does: a signature counts only once confirmed from the
/// email sent to its address (valid <see cref="MailingListService.ConfirmationLifetime"/>), one per address per
/// petition, and confirmations are throttled per mailbox like the list's.
/// </summary>
public sealed class PetitionSigning(SiteDbContext db, TimeProvider clock, Outbox outbox, EmailTemplates templates, SiteUrls urls, SiteKeys keys,
    IDataProtectionProvider protection)
{
    private IDataProtector FormStamps => protection.CreateProtector("Khilafat.Web.Petitions.FormStamp");
    private static readonly ConfirmationLimits.MailboxRows<PetitionSignature> Mailboxes = new((db, _) => db.PetitionSignatures);

    /// <summary>A tamper-proof note of when the signing form was served, for the time trap.</summary>
    public string NewFormStamp() => Testimonials.SpamCheck.NewFormStamp(FormStamps, clock.GetUtcNow().UtcDateTime);

    /// <summary>Why a signing was sent by a program (the honeypot filled in, the form sent too fast or replayed), or null.</summary>
    public string? RobotReason(string? honeypot, string? formStamp) =>
        Testimonials.SpamCheck.RobotReason(honeypot, formStamp, FormStamps, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Stores a pending signature and queues its confirmation email, in one write. Signing again before confirming
    /// replaces the details and sends a new link (within the limits); a confirmed or struck-out signature is left as it is.
    /// </summary>
    public async Task<SignOutcome> SignAsync(SignRequest request, CancellationToken ct = default)
    {
        request = request with { Name = Testimonials.VisitorText.StripInvisible(request.Name) ?? "" };
        var ipHash = await keys.HashIpAsync(request.Ip);
        var outcome = await db.WriteAsync(c => SignOnceAsync(request, ipHash, c), ct);
        if (outcome is SignOutcome.Added or SignOutcome.ConfirmationSent) outbox.Wake();
        return outcome;
    }

    private async Task<SignOutcome> SignOnceAsync(SignRequest request, string? ipHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var petition = await db.Petitions.AsNoTracking().Where(p => p.Slug == request.Slug)
            .Select(p => new { p.Id, p.State, p.ClosesAt }).SingleOrDefaultAsync(ct);
        if (petition is null || !Petition.IsSignable(petition.State, petition.ClosesAt, now)) return SignOutcome.NotSignable;

        // Signatures of one mailbox (its +variants too) run one after the other, so they count each other's emails.
        var (local, domain) = EmailAddresses.Mailbox(request.Email);
        await db.Database.LockAsync("signature:" + local.ToUpperInvariant() + "@" + domain.ToUpperInvariant(), ct);
        // The mailbox's signatures of every petition count; a new mailbox has no signature to look for.
        var mailbox = await Mailboxes.CheckAsync(db, request.Email, now, ct);
        var signature = mailbox.HasRows ? await db.PetitionSignatures.SingleOrDefaultAsync(s => s.PetitionId == petition.Id && s.Email == request.Email, ct) : null;
        if (signature is { Status: not SignatureStatus.Pending } || !mailbox.MayGetAnother) return SignOutcome.NothingSent;

        var consent = new Consent { Version = request.ConsentVersion, Text = request.ShownConsentText, GivenAt = now, Source = request.Source, IpHash = ipHash };
        var outcome = SignOutcome.ConfirmationSent;
        if (signature is null)
        {
            signature = db.PetitionSignatures.Add(new PetitionSignature
            {
                PetitionId = petition.Id, Email = request.Email, Name = request.Name, Country = request.Country, ShowName = request.ShowName,
                Language = request.Language, Status = SignatureStatus.Pending, CreatedAt = now, Consent = consent,
            }).Entity;
            outcome = SignOutcome.Added;
        }
        else
        {
            (signature.Name, signature.Country, signature.ShowName, signature.Language, signature.Consent) = (request.Name, request.Country, request.ShowName, request.Language, consent);
        }
        await QueueConfirmationAsync(signature, request.Slug, now, ct);
        return outcome;
    }

    private async Task QueueConfirmationAsync(PetitionSignature signature, string slug, DateTime now, CancellationToken ct)
    {
        var token = ConfirmationLimits.IssueConfirmation(signature, now);
        var title = await PetitionTitleAsync(signature.PetitionId, signature.Language, ct);
        var content = templates.SignatureConfirmation(signature.Language, signature.Name, title,
            urls.Absolute(SiteUrls.ConfirmSignaturePath(signature.Language, token)), urls.Absolute(Localization.SiteCultures.PathFor(signature.Language, PetitionReader.PetitionPath(slug))));
        outbox.Queue(OutboxKinds.SignatureConfirmation, signature.Email!, content);
    }

    /// <summary>The petition's published title in the signer's language, else in English.</summary>
    private async Task<string> PetitionTitleAsync(int petitionId, string language, CancellationToken ct)
    {
        var titles = await db.Texts.AsNoTracking()
            .Where(t => t.Kind == TextKinds.Petition && t.ItemId == petitionId && t.IsPublished && (t.Culture == language || t.Culture == Localization.SiteCultures.Default))
            .Select(t => new { t.Culture, Title = t.PublishedTitle! }).ToListAsync(ct);
        return (titles.FirstOrDefault(t => t.Culture == language) ?? titles.FirstOrDefault())?.Title ?? "";
    }

    /// <summary>What a confirmation link leads to, without changing anything (mail scanners open links).</summary>
    public async Task<(SignatureLinkState State, string? Slug)> CheckAsync(string? token, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } found) return (SignatureLinkState.Unknown, null);
        return (StateOf(found.Signature, found.Petition, clock.GetUtcNow().UtcDateTime), found.Petition.Slug);
    }

    /// <summary>
    /// Confirms the signature a link is for, while its petition is open: one conditional statement, so of two clicks
    /// at once only one confirms. The count includes it from then on.
    /// </summary>
    public async Task<(SignatureLinkState State, string? Slug)> ConfirmAsync(string? token, CancellationToken ct = default) =>
        await db.WriteAsync(async c =>
        {
            if (await FindAsync(token, c) is not { } found) return (SignatureLinkState.Unknown, (string?)null);
            var now = clock.GetUtcNow().UtcDateTime;
            var state = StateOf(found.Signature, found.Petition, now);
            if (state != SignatureLinkState.Valid) return (state, found.Petition.Slug);
            var changed = await db.PetitionSignatures.Where(s => s.Id == found.Signature.Id && s.Status == SignatureStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SignatureStatus.Confirmed).SetProperty(s => s.ConfirmedAt, now), c);
            return (changed == 0 ? SignatureLinkState.AlreadyConfirmed : SignatureLinkState.Valid, found.Petition.Slug);
        }, ct);

    private static SignatureLinkState StateOf(PetitionSignature signature, Petition petition, DateTime now) =>
        signature.Status == SignatureStatus.Confirmed ? SignatureLinkState.AlreadyConfirmed
        : signature.Status == SignatureStatus.StruckOut ? SignatureLinkState.Unknown
        : !Petition.IsSignable(petition.State, petition.ClosesAt, now) ? SignatureLinkState.Closed
        : signature.ConfirmTokenExpiresAt < now ? SignatureLinkState.Expired
        : SignatureLinkState.Valid;

    private async Task<(PetitionSignature Signature, Petition Petition)?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = SiteKeys.HashToken(token);
        var found = await (from s in db.PetitionSignatures.AsNoTracking()
                           join p in db.Petitions.AsNoTracking() on s.PetitionId equals p.Id
                           where s.ConfirmTokenHash == hash
                           select new { s, p }).SingleOrDefaultAsync(ct);
        return found is null ? null : (found.s, found.p);
    }
}
