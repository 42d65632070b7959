using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Petitions;

/// <summary>A signature as submitted (address already normalized and checked). The consent is recorded as shown: in the page's language, with the wording's version.</summary>
public sealed record SignRequest(string Slug, string Email, string Name, string Country, bool ShowName, string Language, string Source, string? ConsentText = null)
{
    public string ShownConsentText => ConsentText ?? PetitionConsentWording.Text;
    public string ConsentVersion => Language == "en" ? PetitionConsentWording.Version : $"{PetitionConsentWording.Version}-{Language}";

    /// <summary>"Email me once when this petition is delivered": ticked, or not.</summary>
    public bool TellWhenDelivered { get; init; }
}

/// <summary>What a signing did. The visitor sees the same page for the first three, so nobody learns who signed.</summary>
public enum SignOutcome { Added, ConfirmationSent, NothingSent, NotSignable }

public enum SignatureLinkState { Valid, AlreadyConfirmed, Expired, Closed, Unknown }

/// <summary>
/// Signing a petition with double opt-in, as the mailing list does: a signature counts only once confirmed from the
/// email sent to its address (valid <see cref="MailingListService.ConfirmationLifetime"/>), one per address per
/// petition, and confirmations are throttled per mailbox like the list's.
/// </summary>
public sealed class PetitionSigning(SiteDbContext db, TimeProvider clock, Outbox outbox, EmailTemplates templates, SiteUrls urls,
    IDataProtectionProvider protection)
{
    private IDataProtector FormStamps => protection.CreateProtector("Khilafat.Web.Petitions.FormStamp");
    // A mailbox's limits count its signatures of one petition, as an event counts its own answers: counted across every
    // petition, a supporter who signed one and then another within 10 minutes was never sent the second's link.
    private static readonly ConfirmationLimits.MailboxRows<PetitionSignature> Mailboxes = new(db => db.PetitionSignatures, s => s.PetitionId);

    /// <summary>A tamper-proof note of when the signing form was served, for the time trap.</summary>
    public string NewFormStamp() => Testimonials.SpamCheck.NewFormStamp(FormStamps, clock.GetUtcNow().UtcDateTime);

    /// <summary>A stamp for the form shown again after its own expired (see <see cref="Testimonials.SpamCheck.RenewedFormStamp"/>).</summary>
    public string RenewedFormStamp() => Testimonials.SpamCheck.RenewedFormStamp(FormStamps, clock.GetUtcNow().UtcDateTime);

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
        // Read and built before the write, which on SQLite waits in one queue with every other (Data.SqliteGroupCommit):
        // the petition, its title and the email do not depend on the signatures. An editor closing the petition in
        // between changes nothing that counts: a signature of a closed petition cannot be confirmed (see StateOf).
        var petition = await SigningTargets.For(db)(db, request.Slug, request.Language, ct);
        if (petition is null || !Petition.IsSignable(petition.State, petition.ClosesAt, clock.GetUtcNow().UtcDateTime)) return SignOutcome.NotSignable;
        var confirmation = SiteKeys.NewToken();
        var email = templates.SignatureConfirmation(request.Language, request.Name, petition.Title ?? "",
            urls.Absolute(SiteUrls.ConfirmSignaturePath(request.Language, confirmation.Token)),
            urls.Absolute(Localization.SiteCultures.PathFor(request.Language, PetitionReader.PetitionPath(request.Slug))));
        var outcome = await db.WriteAsync(c => SignOnceAsync(request, petition.Id, confirmation, email, c), ct);
        if (outcome is SignOutcome.Added or SignOutcome.ConfirmationSent) outbox.Wake();
        return outcome;
    }

    /// <summary>What signing needs of a petition: its state and its published title in the signer's language, else in English (as its page falls back).</summary>
    private sealed record SigningTarget(int Id, PetitionState State, DateTime? ClosesAt, string? Title);

    private static readonly CompiledPerProvider<Func<SiteDbContext, string, string, CancellationToken, Task<SigningTarget?>>> SigningTargets = new(() =>
        EF.CompileAsyncQuery((SiteDbContext db, string slug, string language, CancellationToken ct) => db.Petitions.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new SigningTarget(p.Id, p.State, p.ClosesAt,
                db.Texts.Where(t => t.Kind == TextKinds.Petition && t.ItemId == p.Id && t.IsPublished && (t.Culture == language || t.Culture == Localization.SiteCultures.Default))
                    .OrderBy(t => t.Culture == language ? 0 : 1).Select(t => t.PublishedTitle).FirstOrDefault()))
            .SingleOrDefault()));

    private async Task<SignOutcome> SignOnceAsync(SignRequest request, int petitionId, (string Token, string Hash) confirmation,
        EmailContent email, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Signatures of one mailbox (its +variants too) run one after the other, so they count each other's emails.
        var (local, domain) = EmailAddresses.Mailbox(request.Email);
        await db.Database.LockAsync("signature:" + local.ToUpperInvariant() + "@" + domain.ToUpperInvariant(), ct);
        // The mailbox's signatures of this petition count; a new mailbox has no signature to look for.
        var mailbox = await Mailboxes.CheckAsync(db, request.Email, now, ct, scope: petitionId);
        var signature = mailbox.HasRows ? await db.PetitionSignatures.SingleOrDefaultAsync(s => s.PetitionId == petitionId && s.Email == request.Email, ct) : null;
        if (!mailbox.MayGetAnother) return SignOutcome.NothingSent;
        // A confirmed or struck-out signature is left as it is, only counted, so that the answer takes as long.
        if (signature is { Status: not SignatureStatus.Pending })
        {
            ConfirmationLimits.Count(signature, now);
            return SignOutcome.NothingSent;
        }

        var consent = new Consent { Version = request.ConsentVersion, Text = request.ShownConsentText, GivenAt = now, Source = request.Source };
        var outcome = SignOutcome.ConfirmationSent;
        if (signature is null)
        {
            signature = db.PetitionSignatures.Add(new PetitionSignature
            {
                PetitionId = petitionId, Email = request.Email, Name = request.Name, Country = request.Country, ShowName = request.ShowName,
                Language = request.Language, Status = SignatureStatus.Pending, CreatedAt = now, Consent = consent,
                DeliveryNotice = request.TellWhenDelivered ? DeliveryNotice.Asked : DeliveryNotice.NotAsked,
            }).Entity;
            outcome = SignOutcome.Added;
        }
        else
        {
            (signature.Name, signature.Country, signature.ShowName, signature.Language, signature.Consent) = (request.Name, request.Country, request.ShowName, request.Language, consent);
            signature.DeliveryNotice = request.TellWhenDelivered ? DeliveryNotice.Asked : DeliveryNotice.NotAsked;
        }
        ConfirmationLimits.IssueConfirmation(signature, now, confirmation);
        outbox.Queue(OutboxKinds.SignatureConfirmation, request.Email, email);
        return outcome;
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
    public async Task<(SignatureLinkState State, string? Slug)> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        // Looked up before the write (which on SQLite waits in the one queue of writes); the statement then confirms
        // only a signature still pending of a petition still open, and when it finds none, the link is looked at again.
        if (await FindAsync(token, ct) is not { } found) return (SignatureLinkState.Unknown, null);
        var now = clock.GetUtcNow().UtcDateTime;
        var state = StateOf(found.Signature, found.Petition, now);
        if (state != SignatureLinkState.Valid) return (state, found.Petition.Slug);
        var open = db.Petitions.Where(Petition.SignableAt(now));
        var changed = await db.WriteAsync(c => db.PetitionSignatures
            .Where(s => s.Id == found.Signature.Id && s.Status == SignatureStatus.Pending && open.Any(p => p.Id == s.PetitionId))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SignatureStatus.Confirmed).SetProperty(s => s.ConfirmedAt, now), c), ct);
        return changed == 1 ? (SignatureLinkState.Valid, found.Petition.Slug) : await CheckAsync(token, ct);
    }

    private static SignatureLinkState StateOf(PetitionSignature signature, Petition petition, DateTime now) =>
        signature.Status == SignatureStatus.Confirmed ? SignatureLinkState.AlreadyConfirmed
        : signature.Status == SignatureStatus.StruckOut ? SignatureLinkState.Unknown
        : !Petition.IsSignable(petition.State, petition.ClosesAt, now) ? SignatureLinkState.Closed
        : signature.ConfirmTokenExpiresAt < now ? SignatureLinkState.Expired
        : SignatureLinkState.Valid;

    private async Task<FoundSignature?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        return await FindByHash.For(db)(db, SiteKeys.HashToken(token), ct);
    }

    private sealed record FoundSignature(PetitionSignature Signature, Petition Petition);

    private static readonly CompiledPerProvider<Func<SiteDbContext, string, CancellationToken, Task<FoundSignature?>>> FindByHash = new(() =>
        EF.CompileAsyncQuery((SiteDbContext db, string hash, CancellationToken ct) =>
            (from s in db.PetitionSignatures.AsNoTracking()
             join p in db.Petitions.AsNoTracking() on s.PetitionId equals p.Id
             where s.ConfirmTokenHash == hash
             select new FoundSignature(s, p)).SingleOrDefault()));
}
