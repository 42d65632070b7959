using System.Text.RegularExpressions;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Media;

/// <summary>Reads images as readers' pages show them: lead images, and the images a text's Markdown names (<c>![alt](media:12)</c>).</summary>
public sealed partial class MediaPictures(SiteDbContext db)
{
    /// <summary>The address scheme by which Markdown names an image of the library: media:12.</summary>
    public const string Scheme = "media:";

    /// <summary>The Markdown that shows image <paramref name="id"/> (the alt text is the library's, in the page's language, whatever the brackets say).</summary>
    public static string MarkdownFor(int id, string alt) => $"![{alt.Replace("[", "(").Replace("]", ")")}]({Scheme}{id})";

    /// <summary>The image ids a Markdown text names with media:.</summary>
    public static IReadOnlySet<int> IdsIn(string markdown) =>
        MediaReference().Matches(markdown).Select(m => int.TryParse(m.Groups[1].ValueSpan, out var id) ? id : 0).Where(id => id > 0).ToHashSet();

    /// <summary>The picture of image <paramref name="id"/> with its alt text in <paramref name="culture"/>; null when there is no such image.</summary>
    public async Task<MediaPicture?> GetAsync(int? id, string culture, CancellationToken ct = default) =>
        id is { } value && (await GetAsync([value], culture, ct)).TryGetValue(value, out var picture) ? picture : null;

    /// <summary>The pictures of <paramref name="ids"/> that exist, by id.</summary>
    public async Task<IReadOnlyDictionary<int, MediaPicture>> GetAsync(IReadOnlyCollection<int> ids, string culture, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<int, MediaPicture>();
        var images = await db.MediaImages.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Alt, i.AltAr, i.AltUr, Files = i.Variants.Select(v => new { v.Width, v.Height, v.ContentType, v.FileName }).ToList() })
            .ToListAsync(ct);
        return images.Where(i => i.Files.Count > 0).ToDictionary(i => i.Id, i => new MediaPicture(i.Id, MediaImage.AltIn(culture, i.Alt, i.AltAr, i.AltUr),
            i.Files.Select(f => new PictureFile(f.Width, f.Height, f.ContentType, MediaFiles.PathOf(f.FileName))).ToList()));
    }

    /// <summary>The pictures a Markdown text names, for <see cref="Content.MarkdownRenderer.ToHtml(string, IReadOnlyDictionary{int, MediaPicture}?, string)"/>.</summary>
    public Task<IReadOnlyDictionary<int, MediaPicture>> ForMarkdownAsync(string markdown, string culture, CancellationToken ct = default) =>
        GetAsync(IdsIn(markdown).ToList(), culture, ct);

    [GeneratedRegex(@"\]\(\s*media:(\d{1,9})", RegexOptions.CultureInvariant)]
    private static partial Regex MediaReference();
}
