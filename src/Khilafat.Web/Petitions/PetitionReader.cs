using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.Media;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Petitions;

/// <summary>A signer as the petition page shows them: first name, the initial of the last, and the country's code.</summary>
public sealed record PublicSigner(string DisplayName, string Country);

/// <summary>
/// A petition as readers get it, in their language where translated (else English, <see cref="IsFallback"/>), with
/// its exact confirmed count. <see cref="CanSign"/> is false once closed, delivered or past its closing date.
/// </summary>
public sealed record PublishedPetition(int Id, string Slug, string Title, string Summary, string BodyHtml, string AddressedTo, int Goal,
    DateTime? ClosesAt, PetitionState State, DateTime? EndedAt, DateTime? DeliveredAt, string? DeliveryReport, int Count,
    IReadOnlyList<PublicSigner> LatestSigners, string Language, bool IsFallback, bool CanSign)
{
    public MediaPicture? LeadImage { get; init; }

    /// <summary>The languages its text is published in (see <see cref="Content.ContentService.PublishedLanguagesAsync"/>).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [SiteCultures.Default];

    public string Path => PetitionReader.PetitionPath(Slug);

    /// <summary>Progress towards the goal in whole percent, at most 100 (the count itself may pass the goal).</summary>
    public int Percent => Goal <= 0 ? 0 : (int)Math.Min(100, (long)Count * 100 / Goal);
}

/// <summary>An open petition as /act lists it.</summary>
public sealed record OpenPetition(string Slug, string Title, string Summary, string AddressedTo, int Count, int Goal, DateTime? ClosesAt, string Language, bool IsFallback)
{
    public string Path => PetitionReader.PetitionPath(Slug);
    public int Percent => Goal <= 0 ? 0 : (int)Math.Min(100, (long)Count * 100 / Goal);
}

/// <summary>A petition no longer taking signatures, as /petitions lists it: its final count, and when signing ended or it was delivered.</summary>
public sealed record EndedPetition(string Slug, string Title, string AddressedTo, int Count, PetitionState State, DateTime? EndedAt, DateTime? DeliveredAt,
    string Language, bool IsFallback)
{
    public string Path => PetitionReader.PetitionPath(Slug);
}

/// <summary>/petitions: the open petitions (newest first), then the ended ones (the latest ended first).</summary>
public sealed record PetitionList(IReadOnlyList<OpenPetition> Open, IReadOnlyList<EndedPetition> Ended);

/// <summary>
/// Reads the petitions readers see: not drafts, with their English text published. The count is an indexed COUNT of
/// confirmed signatures, read when the page renders; the page is output-cached for a few seconds (see
/// <see cref="Caching.OutputCachePolicies.PublicPetition"/>), so a burst of confirmations never writes a shared row.
/// </summary>
public sealed class PetitionReader(SiteDbContext db, MarkdownRenderer markdown, MediaPictures pictures, TimeProvider clock)
{
    public const string ListPath = "/petitions";
    public const int LatestSignersShown = 10;

    /// <summary>"/petitions/stop-the-siege".</summary>
    public static string PetitionPath(string slug) => $"{ListPath}/{slug}";

    private IQueryable<Petition> Visible =>
        db.Petitions.AsNoTracking().Where(p => p.State != PetitionState.Draft
            && db.Texts.Any(t => t.Kind == TextKinds.Petition && t.ItemId == p.Id && t.Culture == SiteCultures.Default && t.IsPublished));

    /// <summary>The exact number of confirmed signatures (struck-out and pending ones never count).</summary>
    public Task<int> CountAsync(int petitionId, CancellationToken ct = default) =>
        db.PetitionSignatures.CountAsync(s => s.PetitionId == petitionId && s.Status == SignatureStatus.Confirmed, ct);

    /// <summary>The confirmed signers still waiting to be told of the delivery (<see cref="DeliveryNotice.Asked"/>, their address kept), for the editors.</summary>
    public Task<int> WaitingForDeliveryNewsAsync(int petitionId, CancellationToken ct = default) =>
        db.PetitionSignatures.CountAsync(s => s.PetitionId == petitionId && s.Status == SignatureStatus.Confirmed && s.DeliveryNotice == DeliveryNotice.Asked && s.Email != null, ct);

    /// <summary>One petition by its address, in <paramref name="culture"/> where translated; null when readers may not see it.</summary>
    public async Task<PublishedPetition?> GetAsync(string slug, string culture, CancellationToken ct = default)
    {
        var p = await Visible.SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (p is null || await TextAsync(p.Id, culture, ct) is not var (title, summary, body, language, isFallback)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await CountAsync(p.Id, ct);
        var signers = await db.PetitionSignatures.AsNoTracking()
            .Where(s => s.PetitionId == p.Id && s.Status == SignatureStatus.Confirmed && s.ShowName && s.Name != null)
            .OrderByDescending(s => s.ConfirmedAt).ThenByDescending(s => s.Id).Take(LatestSignersShown)
            .Select(s => new { s.Name, s.Country }).ToListAsync(ct);
        return new PublishedPetition(p.Id, p.Slug, title, summary, markdown.ToHtml(body, await pictures.ForMarkdownAsync(body, language, ct), culture), p.AddressedTo, p.Goal, p.ClosesAt, p.State,
            Petition.EndedAt(p.State, p.ClosedAt, p.ClosesAt, now), p.DeliveredAt, p.DeliveryReport, count,
            signers.Select(s => new PublicSigner(ShortName(s.Name!), s.Country)).ToList(), language, isFallback,
            Petition.IsSignable(p.State, p.ClosesAt, now))
        {
            LeadImage = await pictures.GetAsync(p.LeadImageId, language, ct),
            Languages = await ContentService.PublishedLanguagesAsync(db, TextKinds.Petition, p.Id, ct),
        };
    }

    /// <summary>The petitions open for signing now, the newest first, each with its count: what /act lists.</summary>
    public async Task<IReadOnlyList<OpenPetition>> OpenAsync(string culture, CancellationToken ct = default) =>
        (await ListAsync(culture, Petition.SignableAt(clock.GetUtcNow().UtcDateTime), ct)).Open;

    /// <summary>Every petition readers see, open and ended, each with its count and its title in <paramref name="culture"/> where translated.</summary>
    public Task<PetitionList> ListAsync(string culture, CancellationToken ct = default) => ListAsync(culture, p => true, ct);

    private async Task<PetitionList> ListAsync(string culture, Expression<Func<Petition, bool>> filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var petitions = await Visible.Where(filter)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Slug, p.AddressedTo, p.Goal, p.State, p.ClosesAt, p.ClosedAt, p.DeliveredAt,
                Count = db.PetitionSignatures.Count(s => s.PetitionId == p.Id && s.Status == SignatureStatus.Confirmed),
            })
            .ToListAsync(ct);
        // One read of every listed petition's texts, in the reader's language and in English, not one per petition.
        var ids = petitions.Select(p => p.Id).ToList();
        var texts = (await db.Texts.AsNoTracking()
            .Where(t => t.Kind == TextKinds.Petition && ids.Contains(t.ItemId) && t.IsPublished && (t.Culture == culture || t.Culture == SiteCultures.Default))
            .Select(t => new { t.ItemId, t.Culture, Title = t.PublishedTitle!, Summary = t.PublishedSummary! })
            .ToListAsync(ct)).ToLookup(t => t.ItemId);
        var open = new List<OpenPetition>();
        var ended = new List<EndedPetition>();
        foreach (var p in petitions)
        {
            if (ContentService.ForReader(texts[p.Id], t => t.Culture, culture) is not var (text, language, isFallback)) continue;
            if (Petition.IsSignable(p.State, p.ClosesAt, now))
                open.Add(new OpenPetition(p.Slug, text.Title, text.Summary, p.AddressedTo, p.Count, p.Goal, p.ClosesAt, language, isFallback));
            else
                ended.Add(new EndedPetition(p.Slug, text.Title, p.AddressedTo, p.Count, p.State, Petition.EndedAt(p.State, p.ClosedAt, p.ClosesAt, now),
                    p.DeliveredAt, language, isFallback));
        }
        return new PetitionList(open, [.. ended.OrderByDescending(p => p.DeliveredAt ?? p.EndedAt)]);
    }

    /// <summary>Every public petition, for /sitemap.xml: each in English and the languages its text is published in; and /petitions, when there is one.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> SitemapAsync(CancellationToken ct = default)
    {
        var petitions = await Visible.Select(p => new { p.Id, p.Slug, p.UpdatedAt }).ToListAsync(ct);
        var ids = petitions.Select(p => p.Id).ToList();
        var texts = (await db.Texts.AsNoTracking().Where(t => t.Kind == TextKinds.Petition && ids.Contains(t.ItemId) && t.IsPublished)
            .Select(t => new { t.ItemId, t.Culture, UpdatedAt = t.PublishedAt ?? t.UpdatedAt }).ToListAsync(ct)).ToLookup(t => t.ItemId);
        var entries = petitions.Select(p => new SitemapEntry(PetitionPath(p.Slug), texts[p.Id].Select(t => t.UpdatedAt).Append(p.UpdatedAt).Max(),
            SiteCultures.All.Where(c => texts[p.Id].Any(t => t.Culture == c)).ToList())).ToList();
        if (entries.Count > 0) entries.Add(new SitemapEntry(ListPath, entries.Max(e => e.UpdatedAt)));
        return entries;
    }

    /// <summary>
    /// "Amina Khan" shows as "Amina K."; a single name as it is. Only the first name and an initial ever leave the
    /// database. Words without a letter (an emoji after the name) are not names: "Ali Hasan 🌙" is "Ali H.".
    /// </summary>
    public static string ShortName(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var parts = words.Where(w => w.Any(char.IsLetter)).ToArray();
        if (parts.Length == 0) return words.FirstOrDefault() ?? "";
        if (parts.Length == 1) return parts[0];
        var last = parts[^1];
        return $"{parts[0]} {char.ConvertFromUtf32(char.ConvertToUtf32(last, last.IndexOf(last.First(char.IsLetter))))}.";
    }

    /// <summary>
    /// An open petition's title (in <paramref name="culture"/> where translated) and address, for the share links a
    /// signer finds after confirming; null when it takes no signatures. Two reads, not the count a page needs: every
    /// confirmation of a burst leads here.
    /// </summary>
    public async Task<(string Title, string Path)?> ForSharingAsync(string slug, string culture, CancellationToken ct = default)
    {
        var p = await Visible.Where(p => p.Slug == slug).Select(p => new { p.Id, p.State, p.ClosesAt }).SingleOrDefaultAsync(ct);
        if (p is null || !Petition.IsSignable(p.State, p.ClosesAt, clock.GetUtcNow().UtcDateTime)) return null;
        return await TextAsync(p.Id, culture, ct) is var (title, _, _, _, _) ? (title, PetitionPath(slug)) : null;
    }

    private async Task<(string Title, string Summary, string Body, string Language, bool IsFallback)?> TextAsync(int id, string culture, CancellationToken ct)
    {
        var texts = await db.Texts.AsNoTracking()
            .Where(t => t.Kind == TextKinds.Petition && t.ItemId == id && t.IsPublished && (t.Culture == culture || t.Culture == SiteCultures.Default))
            .Select(t => new { t.Culture, Title = t.PublishedTitle!, Summary = t.PublishedSummary!, Body = t.PublishedBody! })
            .ToListAsync(ct);
        if (ContentService.ForReader(texts, t => t.Culture, culture) is not (var text, var language, var isFallback)) return null;
        return (text.Title, text.Summary, text.Body, language, isFallback);
    }
}
