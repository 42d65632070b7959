using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Privacy;
using Khilafat.Web.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Testimonials;

public sealed record TestimonialSubmission(
    string DisplayName, string? Place, int Rating, string Text, string? Email, bool NotifyOnPublish,
    string? Honeypot, string? FormStamp, IPAddress? Ip, string Language = "en", string? ConsentText = null);

public sealed record PublicTestimonial(int Id, string DisplayName, string? Place, int Rating, string Text, DateTime Date, bool IsFeatured, string Language);

public sealed record TestimonialPage(IReadOnlyList<PublicTestimonial> Items, int Page, int PageCount);

/// <summary>What visitors do with testimonials: read approved ones, submit their own, and withdraw theirs.</summary>
public sealed class TestimonialService(
    SiteDbContext db, TimeProvider clock, SiteKeys keys, SiteSettingsStore settings, IDataProtectionProvider protection, IOutputCacheStore cache)
{
    public const int PageSize = 10;
    public const string WithdrawPurpose = "testimonial-withdraw";

    private IDataProtector FormStamps => protection.CreateProtector("Khilafat.Web.Testimonials.FormStamp");

    /// <summary>A tamper-proof note of when the form was served, for the minimum fill time.</summary>
    public string NewFormStamp() => SpamCheck.NewFormStamp(FormStamps, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Stores a submission (already validated). Robots — the honeypot filled, the form sent too fast or without its
    /// stamp — and text with a link are stored as likely spam, for an editor to rescue; a blocklisted word holds it
    /// as Pending with the word noted, for an editor to decide; everything else waits as Pending. The submitter is
    /// told the same in every case. Names, places and emails are stored without invisible characters.
    /// </summary>
    /// <summary>How long the same testimonial sent again from the same address is taken for the first one sent twice.</summary>
    public static readonly TimeSpan ResentWithin = TimeSpan.FromMinutes(10);

    public async Task<TestimonialStatus> SubmitAsync(TestimonialSubmission submission, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (name, place, email) = (VisitorText.StripInvisible(submission.DisplayName) ?? "", VisitorText.StripInvisible(submission.Place), VisitorText.StripInvisible(submission.Email));
        var checkedText = $"{name} {place} {submission.Text}";
        var spamReason = SpamCheck.RobotReason(submission.Honeypot, submission.FormStamp, FormStamps, now) ?? SpamCheck.Link(checkedText);
        var heldReason = spamReason is null ? SpamCheck.BlockedWord(checkedText, await BlocklistAsync(ct)) : null;
        var testimonial = new Testimonial
        {
            DisplayName = name,
            Place = place,
            Rating = submission.Rating,
            OriginalText = submission.Text.Replace("\r\n", "\n").Trim(),
            Language = submission.Language,
            Status = spamReason is null ? TestimonialStatus.Pending : TestimonialStatus.Spam,
            SpamReason = spamReason ?? heldReason,
            SubmittedAt = now,
            Email = submission.NotifyOnPublish ? email : null,
            NotifyOnPublish = submission.NotifyOnPublish && email is not null,
            // The consent as it was shown: in the page's language.
            ConsentVersion = submission.Language == "en" ? TestimonialConsent.Version : $"{TestimonialConsent.Version}-{submission.Language}",
            ConsentText = submission.ConsentText ?? TestimonialConsent.Text,
            ConsentGivenAt = now,
            IpHash = await keys.HashIpAsync(submission.Ip),
        };
        await db.WriteAsync(async c =>
        {
            // The same words from the same address a moment ago: a double click, or the browser sending the form again on
            // a reload. Kept once, so that editors do not moderate (and publish) it twice; the sender is told the same.
            var since = now - ResentWithin;
            if (!await db.Testimonials.AnyAsync(t => t.SubmittedAt >= since && t.IpHash == testimonial.IpHash && t.OriginalText == testimonial.OriginalText
                    && t.DisplayName == testimonial.DisplayName, c))
                db.Testimonials.Add(testimonial);
        }, ct);
        return testimonial.Status;
    }

    public async Task<IReadOnlyList<string>> BlocklistAsync(CancellationToken ct = default) =>
        SpamCheck.ParseBlocklist(await settings.GetAsync(SettingKeys.TestimonialBlocklist, ct) ?? SpamCheck.DefaultBlocklist);

    /// <summary>Approved testimonials, featured first, then newest; <see cref="PageSize"/> a page.</summary>
    public async Task<TestimonialPage> ApprovedAsync(int page, CancellationToken ct = default)
    {
        var query = db.Testimonials.AsNoTracking().Where(t => t.Status == TestimonialStatus.Approved);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await Project(query.OrderByDescending(t => t.IsFeatured).ThenByDescending(t => t.SubmittedAt).ThenByDescending(t => t.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new TestimonialPage(items, page, pageCount);
    }

    /// <summary>Up to <paramref name="count"/> featured, approved testimonials for the home page, newest first.</summary>
    public async Task<IReadOnlyList<PublicTestimonial>> FeaturedAsync(int count = 3, CancellationToken ct = default) =>
        await FeaturedAsync(null, count, ct);

    /// <summary>
    /// The newest featured testimonials, those written in <paramref name="culture"/> first (a reader of the Urdu home
    /// page meets Urdu voices before English ones), then the newest in any language.
    /// </summary>
    public async Task<IReadOnlyList<PublicTestimonial>> FeaturedAsync(string? culture, int count = 3, CancellationToken ct = default) =>
        await Project(db.Testimonials.AsNoTracking().Where(t => t.Status == TestimonialStatus.Approved && t.IsFeatured)
            .OrderByDescending(t => t.Language == culture).ThenByDescending(t => t.SubmittedAt).ThenByDescending(t => t.Id).Take(count)).ToListAsync(ct);

    /// <summary>The testimonial a withdraw link is for, or null.</summary>
    public async Task<PublicTestimonial?> FindForWithdrawalAsync(string? token, CancellationToken ct = default)
    {
        var id = await keys.VerifyAsync(WithdrawPurpose, token);
        return id is null ? null : await Project(db.Testimonials.AsNoTracking().Where(t => t.Id == id)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Deletes the testimonial a withdraw link is for: their words and name are gone from the site and the database, the audit log's mentions of the name too.</summary>
    public async Task<bool> WithdrawAsync(string? token, CancellationToken ct = default)
    {
        var id = await keys.VerifyAsync(WithdrawPurpose, token);
        if (id is null) return false;
        var withdrawn = await db.WriteAsync(async c =>
        {
            var testimonial = await db.Testimonials.SingleOrDefaultAsync(t => t.Id == id, c);
            if (testimonial is null) return false;
            db.Testimonials.Remove(testimonial);
            await db.ForgetDetailsAsync([AuditTargets.Testimonial(testimonial.Id)], c);
            db.Audit(clock, new Actor(null, "submitter"), AuditActions.TestimonialWithdrawn, AuditTargets.Testimonial(testimonial.Id));
            return true;
        }, ct);
        if (withdrawn) await cache.EvictPublicAsync(ct);
        return withdrawn;
    }

    private static IQueryable<PublicTestimonial> Project(IQueryable<Testimonial> query) =>
        query.Select(t => new PublicTestimonial(t.Id, t.DisplayName, t.Place, t.Rating, t.EditedText ?? t.OriginalText, t.SubmittedAt, t.IsFeatured, t.Language));
}
