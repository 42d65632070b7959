using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Media;

/// <summary>An image's alt text in each language: English required, Arabic and Urdu where the texts are translated.</summary>
public sealed record AltTexts(string? En, string? Ar = null, string? Ur = null);

/// <summary>Where an image is used: a text that has it as lead image or shows it in its Markdown.</summary>
public sealed record MediaUse(string Kind, int ItemId, string Title, string EditPath, bool AsLeadImage);

public sealed record MediaListItem(int Id, string Alt, int Width, int Height, DateTime UploadedAt, string UploadedBy, long Bytes, MediaPicture Picture,
    IReadOnlyList<MediaUse> Uses);

/// <summary>An image an editor can choose: as a lead image, or to insert in a text (with the Markdown that does it).</summary>
public sealed record MediaChoice(int Id, string Alt, int Width, int Height, string ThumbnailPath)
{
    public string Markdown => MediaPictures.MarkdownFor(Id, Alt);
}

public abstract record UploadResult
{
    /// <summary>Refused; the message belongs beside <paramref name="Field"/> ("Upload", "AltEn"...).</summary>
    public sealed record Refused(string Field, string Message) : UploadResult;

    public sealed record Uploaded(int Id) : UploadResult;
}

/// <summary>
/// The media library: uploads (checked and processed by <see cref="ImageProcessor"/>, their files put in the
/// <see cref="IMediaStore"/>, the image saved and audited in one write), the list with where each image is used, and
/// deletion, which removes every file no other image shares.
/// </summary>
public sealed class MediaLibrary(SiteDbContext db, IMediaStore store, ImageProcessor processor, TimeProvider clock, IOutputCacheStore cache)
{
    /// <summary>Checks the alt texts, processes the <paramref name="length"/> bytes of <paramref name="upload"/>, stores its variants and records the image.</summary>
    public async Task<UploadResult> UploadAsync(Stream upload, long length, AltTexts alt, Actor actor, CancellationToken ct = default)
    {
        var altEn = alt.En?.Trim() ?? "";
        if (altEn.Length == 0) return new UploadResult.Refused("AltEn", "Describe the image in English for people who cannot see it (the alt text).");
        foreach (var (field, value) in new[] { ("AltEn", altEn), ("AltAr", alt.Ar), ("AltUr", alt.Ur) })
        {
            if (value?.Trim().Length > MediaImage.AltMaxLength) return new UploadResult.Refused(field, $"The alt text must be at most {MediaImage.AltMaxLength} characters.");
        }

        var result = await processor.ProcessAsync(upload, length, ct);
        if (result is ImageProcessing.Refused refused) return new UploadResult.Refused("Upload", refused.Message);
        var processed = (ImageProcessing.Processed)result;

        var variants = processed.Variants.Select(v => (Variant: v, Name: MediaFiles.NameFor(v.Bytes, v.ContentType))).ToList();
        foreach (var (variant, name) in variants) await store.PutAsync(name, variant.Bytes, ct);
        try
        {
            var id = await db.WriteAsync(async c =>
            {
                var image = db.MediaImages.Add(new MediaImage
                {
                    Width = processed.Width, Height = processed.Height, Alt = altEn, AltAr = Blank(alt.Ar), AltUr = Blank(alt.Ur),
                    UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = actor.Name,
                    Variants = variants.Select(v => new MediaVariant
                    {
                        Width = v.Variant.Width, Height = v.Variant.Height, ContentType = v.Variant.ContentType, FileName = v.Name, Bytes = v.Variant.Bytes.Length,
                    }).ToList(),
                }).Entity;
                await db.SaveChangesAsync(c);
                db.Audit(clock, actor, AuditActions.MediaUploaded, AuditTargets.Media(image.Id),
                    $"{processed.Width} × {processed.Height}, {variants.Count} files; alt: {altEn}");
                return image.Id;
            }, ct);
            return new UploadResult.Uploaded(id);
        }
        catch
        {
            // Nothing of the image was saved: its files go too, unless another image has the same ones.
            await DeleteUnusedFilesAsync(variants.Select(v => v.Name), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Every image, the newest first, with where each is used.</summary>
    public async Task<IReadOnlyList<MediaListItem>> ListAsync(CancellationToken ct = default)
    {
        var images = await db.MediaImages.AsNoTracking().OrderByDescending(i => i.Id).Include(i => i.Variants).ToListAsync(ct);
        var uses = await UsesAsync(images.Select(i => i.Id).ToList(), ct);
        return images.Select(i => new MediaListItem(i.Id, i.Alt, i.Width, i.Height, i.UploadedAt, i.UploadedBy, i.Variants.Sum(v => v.Bytes),
                ToPicture(i, SiteCultures.Default), uses.TryGetValue(i.Id, out var used) ? used : []))
            .ToList();
    }

    /// <summary>The images an editor can choose from, the newest first.</summary>
    public async Task<IReadOnlyList<MediaChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        var images = await db.MediaImages.AsNoTracking().OrderByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Alt, i.Width, i.Height, Thumbnail = i.Variants.OrderBy(v => v.Width).ThenBy(v => v.ContentType == "image/webp" ? 1 : 0).Select(v => v.FileName).FirstOrDefault() })
            .ToListAsync(ct);
        return images.Where(i => i.Thumbnail is not null).Select(i => new MediaChoice(i.Id, i.Alt, i.Width, i.Height, MediaFiles.PathOf(i.Thumbnail!))).ToList();
    }

    /// <summary>One image with where it is used; null when there is none.</summary>
    public async Task<MediaListItem?> GetAsync(int id, CancellationToken ct = default)
    {
        var image = await db.MediaImages.AsNoTracking().Include(i => i.Variants).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (image is null) return null;
        var uses = await UsesAsync([id], ct);
        return new MediaListItem(image.Id, image.Alt, image.Width, image.Height, image.UploadedAt, image.UploadedBy, image.Variants.Sum(v => v.Bytes),
            ToPicture(image, SiteCultures.Default), uses.TryGetValue(id, out var used) ? used : []);
    }

    /// <summary>Whether <paramref name="id"/> is an image of the library (a lead image must be).</summary>
    public Task<bool> ExistsAsync(int id, CancellationToken ct = default) => db.MediaImages.AnyAsync(i => i.Id == id, ct);

    /// <summary>
    /// Deletes the image: pages and updates that had it as lead image lose it, texts that show it show nothing in its
    /// place, and every file of it that no other image shares is removed from the store. False when there was no such image.
    /// </summary>
    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var files = await db.WriteAsync(async c =>
        {
            var image = await db.MediaImages.Include(i => i.Variants).SingleOrDefaultAsync(i => i.Id == id, c);
            if (image is null) return null;
            await db.Pages.Where(p => p.LeadImageId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LeadImageId, (int?)null), c);
            await db.Updates.Where(u => u.LeadImageId == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LeadImageId, (int?)null), c);
            await db.Events.Where(e => e.LeadImageId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeadImageId, (int?)null), c);
            await db.Petitions.Where(p => p.LeadImageId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LeadImageId, (int?)null), c);
            var names = image.Variants.Select(v => v.FileName).ToList();
            db.MediaImages.Remove(image);
            db.Audit(clock, actor, AuditActions.MediaDeleted, AuditTargets.Media(id), $"alt: {image.Alt}; {names.Count} files");
            return names;
        }, ct);
        if (files is null) return false;
        await DeleteUnusedFilesAsync(files, ct);
        await cache.EvictPublicAsync(ct);
        return true;
    }

    private async Task DeleteUnusedFilesAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var candidates = names.Distinct().ToList();
        var shared = await db.Set<MediaVariant>().AsNoTracking().Where(v => candidates.Contains(v.FileName)).Select(v => v.FileName).ToListAsync(ct);
        foreach (var name in candidates.Except(shared)) await store.DeleteAsync(name, ct);
    }

    /// <summary>For each image, the pages, updates, FAQ entries, events and petitions that show it (as lead image, or in their English or translated Markdown, draft or published).</summary>
    private async Task<Dictionary<int, List<MediaUse>>> UsesAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var result = ids.ToDictionary(id => id, _ => new List<MediaUse>());
        if (ids.Count == 0) return result;
        var titles = await db.Texts.AsNoTracking().Where(t => t.Culture == SiteCultures.Default && (t.Kind == TextKinds.Page || t.Kind == TextKinds.Update || t.Kind == TextKinds.Faq || t.Kind == TextKinds.Event || t.Kind == TextKinds.Petition))
            .Select(t => new { t.Kind, t.ItemId, t.Title }).ToListAsync(ct);
        var titleOf = titles.ToDictionary(t => (t.Kind, t.ItemId), t => t.Title);
        string Title(string kind, int itemId) => titleOf.TryGetValue((kind, itemId), out var title) ? title : $"{kind} #{itemId}";

        var pageLeads = await db.Pages.AsNoTracking().Where(p => p.DeletedAt == null && p.LeadImageId != null && ids.Contains(p.LeadImageId.Value))
            .Select(p => new { p.Id, Image = p.LeadImageId!.Value }).ToListAsync(ct);
        foreach (var p in pageLeads) result[p.Image].Add(new MediaUse(TextKinds.Page, p.Id, Title(TextKinds.Page, p.Id), EditPath(TextKinds.Page, p.Id), true));
        var updateLeads = await db.Updates.AsNoTracking().Where(u => u.DeletedAt == null && u.LeadImageId != null && ids.Contains(u.LeadImageId.Value))
            .Select(u => new { u.Id, Image = u.LeadImageId!.Value }).ToListAsync(ct);
        foreach (var u in updateLeads) result[u.Image].Add(new MediaUse(TextKinds.Update, u.Id, Title(TextKinds.Update, u.Id), EditPath(TextKinds.Update, u.Id), true));
        var eventLeads = await db.Events.AsNoTracking().Where(e => e.LeadImageId != null && ids.Contains(e.LeadImageId.Value))
            .Select(e => new { e.Id, Image = e.LeadImageId!.Value }).ToListAsync(ct);
        foreach (var e in eventLeads) result[e.Image].Add(new MediaUse(TextKinds.Event, e.Id, Title(TextKinds.Event, e.Id), EditPath(TextKinds.Event, e.Id), true));
        var petitionLeads = await db.Petitions.AsNoTracking().Where(p => p.LeadImageId != null && ids.Contains(p.LeadImageId.Value))
            .Select(p => new { p.Id, Image = p.LeadImageId!.Value }).ToListAsync(ct);
        foreach (var p in petitionLeads) result[p.Image].Add(new MediaUse(TextKinds.Petition, p.Id, Title(TextKinds.Petition, p.Id), EditPath(TextKinds.Petition, p.Id), true));

        // The texts that name any image at all, read once; which image each names is told by the same pattern the renderer uses.
        var deletedPages = db.Pages.Where(p => p.DeletedAt != null).Select(p => p.Id);
        var deletedUpdates = db.Updates.Where(u => u.DeletedAt != null).Select(u => u.Id);
        var texts = await db.Texts.AsNoTracking()
            .Where(t => (t.Kind == TextKinds.Page || t.Kind == TextKinds.Update || t.Kind == TextKinds.Faq || t.Kind == TextKinds.Event || t.Kind == TextKinds.Petition)
                && (t.Body.Contains(MediaPictures.Scheme) || (t.PublishedBody != null && t.PublishedBody.Contains(MediaPictures.Scheme)))
                && !(t.Kind == TextKinds.Page && deletedPages.Contains(t.ItemId)) && !(t.Kind == TextKinds.Update && deletedUpdates.Contains(t.ItemId)))
            .Select(t => new { t.Kind, t.ItemId, t.Body, t.PublishedBody }).ToListAsync(ct);
        foreach (var text in texts)
        {
            var named = MediaPictures.IdsIn(text.Body + "\n" + text.PublishedBody);
            foreach (var id in named.Where(result.ContainsKey))
            {
                if (result[id].Any(u => u.Kind == text.Kind && u.ItemId == text.ItemId && !u.AsLeadImage)) continue;
                result[id].Add(new MediaUse(text.Kind, text.ItemId, Title(text.Kind, text.ItemId), EditPath(text.Kind, text.ItemId), false));
            }
        }
        return result;
    }

    private static string EditPath(string kind, int id) => kind switch
    {
        TextKinds.Page => $"/admin/pages/edit/{id}",
        TextKinds.Update => $"/admin/updates/edit/{id}",
        TextKinds.Faq => $"/admin/faq/edit/{id}",
        TextKinds.Event => $"/admin/events/edit/{id}",
        TextKinds.Petition => $"/admin/petitions/edit/{id}",
        _ => "/admin",
    };

    private static MediaPicture ToPicture(MediaImage image, string culture) => new(image.Id, image.AltFor(culture),
        image.Variants.Select(v => new PictureFile(v.Width, v.Height, v.ContentType, MediaFiles.PathOf(v.FileName))).ToList());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
