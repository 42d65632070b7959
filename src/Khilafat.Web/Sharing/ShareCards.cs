using System.Security.Cryptography;
using System.Text;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Khilafat.Web.Privacy;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Khilafat.Web.Sharing;

/// <summary>
/// The default picture of link previews (og:image): a 1200×630 card the site draws with SkiaSharp, with its name and
/// the page's title. A card's address carries the title and a keyed hash of it, so the site draws only titles it
/// issued itself (nobody can have it draw their words under the movement's name); cards are kept in memory, a bounded
/// number, and served with long caching, as a card's address changes when its title does.
/// </summary>
public sealed class ShareCards(SiteKeys keys, IOptions<SiteOptions> site) : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;
    public const string PathPrefix = "/share";

    /// <summary>How many drawn cards are kept; each is some tens of kilobytes.</summary>
    public const int CardsKept = 100;

    private const int MaxTitleLength = 300;
    private readonly MemoryCache _cards = new(new MemoryCacheOptions { SizeLimit = CardsKept });

    /// <summary>The path of the card for a page titled <paramref name="title"/> in <paramref name="culture"/>.</summary>
    public async Task<string> PathForAsync(string culture, string title)
    {
        var drawn = DrawableTitle(title);
        var key = await KeyAsync(culture, drawn);
        return drawn.Length == 0 ? $"{PathPrefix}/{culture}/{key}.png" : $"{PathPrefix}/{culture}/{key}.png?title={Uri.EscapeDataString(drawn)}";
    }

    /// <summary>The PNG of the card at <c>/share/{culture}/{key}.png?title=</c>, or null when the site did not issue that address.</summary>
    public async Task<byte[]?> GetAsync(string culture, string key, string? title)
    {
        if (!SiteCultures.All.Contains(culture)) return null;
        var drawn = title ?? "";
        if (drawn.Length > MaxTitleLength || drawn != DrawableTitle(drawn)) return null;
        var expected = await KeyAsync(culture, drawn);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(key))) return null;
        return _cards.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            return Draw(site.Value.Name, drawn);
        });
    }

    /// <summary>
    /// SkiaSharp draws text glyph by glyph, without shaping, so Arabic and Urdu would come out as unjoined letters in the
    /// wrong order: a title in a right-to-left script (or anything but Latin) gets the card with the site's name alone.
    /// </summary>
    private static string DrawableTitle(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length > MaxTitleLength) trimmed = trimmed[..MaxTitleLength];
        return trimmed.All(c => c < 0x0250 || c is >= '\u2010' and <= '\u2027') ? trimmed : "";
    }

    private async Task<string> KeyAsync(string culture, string title)
    {
        var hash = HMACSHA256.HashData(await keys.LoadAsync(), Encoding.UTF8.GetBytes($"share-card\n{culture}\n{title}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private static byte[] Draw(string siteName, string title)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0x1b, 0x4d, 0x3e));
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0xf6, 0xf1, 0xe4) };

        // The crescent of the favicon: a light disc with a disc of the background cut out of it.
        canvas.DrawCircle(150, 150, 70, paint);
        using (var cut = new SKPaint { IsAntialias = true, Color = new SKColor(0x1b, 0x4d, 0x3e) }) canvas.DrawCircle(180, 135, 60, cut);

        using var bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
        using var nameFont = new SKFont(bold, 56);
        canvas.DrawText(siteName, 260, 172, SKTextAlign.Left, nameFont, paint);

        if (title.Length > 0)
        {
            using var regular = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
            using var titleFont = new SKFont(regular, 64);
            var y = 340f;
            foreach (var line in Wrap(title, titleFont, Width - 200).Take(3))
            {
                canvas.DrawText(line, 100, y, SKTextAlign.Left, titleFont, paint);
                y += 84;
            }
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The title in lines no wider than <paramref name="width"/>, the last marked with an ellipsis when cut short.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        if (lines.Count > 3) lines[2] += " …";
        return lines;
    }

    public void Dispose() => _cards.Dispose();
}

/// <summary>Maps the share cards' address.</summary>
public static class ShareCardEndpoints
{
    public static void MapShareCards(this IEndpointRouteBuilder app) =>
        app.MapMethods(ShareCards.PathPrefix + "/{culture}/{key}.png", Startup.SitePipeline.GetAndHead, async (string culture, string key, string? title, ShareCards cards, HttpContext context) =>
        {
            if (await cards.GetAsync(culture, key, title) is not { } png) return Results.NotFound();
            // A card's address changes with its title, so what is at one address never changes.
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(png, "image/png");
        });
}
