using System.Security.Cryptography;
using System.Text;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Khilafat.Web.Privacy;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Khilafat.Web.Sharing;

/// <summary>
/// The default picture of link previews (og:image): a 1200×630 card the site draws with SkiaSharp, with its name and
/// the page's title in the page's language (Arabic and Urdu from the right, shaped: see <see cref="CardText"/>). A
/// card's address carries the title and a keyed hash of it, so the site draws only titles it issued itself (nobody can
/// have it draw their words under the movement's name); cards are kept in memory, a bounded number, and served with
/// long caching, as a card's address changes when its title does.
/// </summary>
public sealed class ShareCards(SiteKeys keys, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, ILogger<ShareCards> logger) : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;
    public const string PathPrefix = "/share";

    /// <summary>How many drawn cards are kept; each is some tens of kilobytes.</summary>
    public const int CardsKept = 100;

    private const int MaxTitleLength = 300;
    private readonly MemoryCache _cards = new(new MemoryCacheOptions { SizeLimit = CardsKept });
    private int _toldOfMissingFace;

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
            return Draw(NameIn(culture), drawn, SiteCultures.IsRightToLeft(culture));
        });
    }

    /// <summary>The movement's name in the card's language; its English name where that cannot be drawn (no Arabic-script face installed).</summary>
    private string NameIn(string culture)
    {
        var name = SiteCultures.In(culture, () => t[site.Value.Name].Value);
        if (CardText.CanDraw(name)) return name;
        if (Interlocked.Exchange(ref _toldOfMissingFace, 1) == 0)
            logger.LogWarning("No font for Arabic script is installed (Debian's fonts-sil-scheherazade): Arabic and Urdu share cards carry the site's English name and no title.");
        return site.Value.Name;
    }

    /// <summary>The title as the card shows it: trimmed, at most 300 characters; empty (the card with the name alone) for what cannot be drawn as written.</summary>
    private static string DrawableTitle(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length > MaxTitleLength) trimmed = trimmed[..MaxTitleLength];
        return CardText.CanDraw(trimmed) ? trimmed : "";
    }

    private async Task<string> KeyAsync(string culture, string title)
    {
        var hash = HMACSHA256.HashData(await keys.LoadAsync(), Encoding.UTF8.GetBytes($"share-card\n{culture}\n{title}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private static byte[] Draw(string siteName, string title, bool rightToLeft)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var background = new SKColor(0x1b, 0x4d, 0x3e);
        canvas.Clear(background);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0xf6, 0xf1, 0xe4) };

        // The crescent of the favicon (a light disc with a disc of the background cut out of it), then the name: from
        // the left, or in Arabic and Urdu from the right.
        var crescent = rightToLeft ? Width - 150 : 150;
        canvas.DrawCircle(crescent, 150, 70, paint);
        using (var cut = new SKPaint { IsAntialias = true, Color = background }) canvas.DrawCircle(crescent + 30, 135, 60, cut);
        var (nameLeft, nameRight) = rightToLeft ? (100f, Width - 260f) : (260f, Width - 100f);
        CardText.Draw(canvas, siteName, nameLeft, nameRight, 172, 56, 0, 1, bold: true, rightToLeft, paint);

        if (title.Length > 0) CardText.Draw(canvas, title, 100, Width - 100, 340, 64, 84, 3, bold: false, rightToLeft, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
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
