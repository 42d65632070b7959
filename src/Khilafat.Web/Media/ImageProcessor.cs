using Khilafat.Web.Options;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Khilafat.Web.Media;

/// <summary>One file of an image as made from an upload: its size, its type and its bytes.</summary>
public sealed record EncodedVariant(int Width, int Height, string ContentType, byte[] Bytes);

/// <summary>What became of an upload: refused with a message for the editor, or processed into its variants.</summary>
public abstract record ImageProcessing
{
    public sealed record Refused(string Message) : ImageProcessing;

    /// <summary>Width and height are the upright original's; the variants go from the narrowest to the widest.</summary>
    public sealed record Processed(int Width, int Height, IReadOnlyList<EncodedVariant> Variants) : ImageProcessing;
}

/// <summary>
/// Turns an uploaded file into the files the site serves. The file is trusted for nothing: its type is what SkiaSharp's
/// codec recognises in its bytes (JPEG, PNG or WebP, nothing else), its size is checked from its header before it is
/// decoded, and what is stored is made from its pixels alone (turned upright by its EXIF orientation, converted to sRGB,
/// re-encoded by encoders that write no metadata), so no EXIF, GPS, XMP, IPTC, maker note or thumbnail survives.
/// </summary>
public sealed class ImageProcessor(IOptions<MediaOptions> options)
{
    /// <summary>The widths made of every image (never wider than the original, which is the widest when narrower).</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    public const int WebpQuality = 80;
    public const int JpegQuality = 82;

    public const string NotAnImageMessage = "This file is not a JPEG, PNG or WebP image. Only those are accepted (not SVG, GIF, HEIC or other files): export the picture as JPEG or PNG and upload that.";
    public const string DamagedMessage = "This image is damaged or incomplete and cannot be read. Upload the original file again.";

    // Decoding a large photo takes tens of megabytes for a moment: a few at a time, so a burst of uploads cannot take the
    // memory or every core from the readers of the site.
    private static readonly SemaphoreSlim Gate = new(Math.Max(1, Environment.ProcessorCount / 2));

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>
    /// Reads <paramref name="length"/> bytes of <paramref name="upload"/> and processes them when its turn comes (see the
    /// gate above). An upload waiting for its turn holds its file where ASP.NET Core buffered it (on disk beyond 64 KB),
    /// not a copy in memory: ten photos uploaded at once no longer wait with ten copies each on the large object heap.
    /// </summary>
    public async Task<ImageProcessing> ProcessAsync(Stream upload, long length, CancellationToken ct = default)
    {
        // Checked again by Process; here so that no array is made for a file that is too large.
        if (length > options.Value.MaxBytes) return new ImageProcessing.Refused(TooLargeMessage(options.Value.MaxBytes));
        await Gate.WaitAsync(ct);
        try
        {
            var bytes = new byte[length];
            await upload.ReadExactlyAsync(bytes, ct);
            return Process(bytes);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Checks and processes an upload on the calling thread.</summary>
    public ImageProcessing Process(byte[] upload)
    {
        var limits = options.Value;
        if (upload.Length == 0) return new ImageProcessing.Refused("The file is empty. Choose an image file.");
        if (upload.Length > limits.MaxBytes) return new ImageProcessing.Refused(TooLargeMessage(limits.MaxBytes));

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return new ImageProcessing.Refused(NotAnImageMessage);

        // The header's claim, before a byte of pixels is decoded: a small file may claim a huge image.
        var header = codec.Info;
        if (header.Width <= 0 || header.Height <= 0) return new ImageProcessing.Refused(DamagedMessage);
        if ((long)header.Width * header.Height > limits.MaxPixels)
            return new ImageProcessing.Refused($"This image is {header.Width} × {header.Height} pixels, more than the {limits.MaxPixels / 1_000_000.0:0.#} megapixels accepted. Make it smaller and upload it again.");

        var origin = codec.EncodedOrigin;
        var turned = SwapsAxes(origin);
        var (uprightWidth, uprightHeight) = turned ? (header.Height, header.Width) : (header.Width, header.Height);
        var widths = TargetWidths(uprightWidth);
        // WebP holds at most 16,383 pixels a side: a strip far taller than wide would be that tall even at its widest
        // variant's width, and could not be stored.
        if ((long)uprightHeight * widths[^1] / uprightWidth > MaxWebpSide)
            return new ImageProcessing.Refused($"This image is {uprightWidth} × {uprightHeight} pixels: too tall for its width to be shown on the site. Crop it nearer to the shape of a page or a photo and upload it again.");

        // A JPEG can be decoded at 1/2, 1/4 or 1/8 of its size for much less work: the smallest that still covers the widest variant.
        var scaled = codec.GetScaledDimensions((float)widths[^1] / uprightWidth);
        var decodeSize = (turned ? scaled.Height : scaled.Width) >= widths[^1] ? scaled : new SKSizeI(header.Width, header.Height);
        var alpha = header.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        // Decoding into sRGB converts from whatever profile the file carries; the profile itself is not kept.
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(decodeInfo);
        if (codec.GetPixels(decodeInfo, decoded.GetPixels()) != SKCodecResult.Success) return new ImageProcessing.Refused(DamagedMessage);

        // Transparency is kept where there is some: those images' fallback is PNG, since JPEG has none.
        var transparent = alpha != SKAlphaType.Opaque && HasTransparency(decoded);
        var variants = new List<EncodedVariant>(widths.Count * 2);
        foreach (var width in widths)
        {
            var height = Math.Max(1, (int)Math.Round((double)uprightHeight * width / uprightWidth));
            var (rawWidth, rawHeight) = turned ? (height, width) : (width, height);
            using var resized = rawWidth == decoded.Width && rawHeight == decoded.Height ? null
                : decoded.Resize(new SKImageInfo(rawWidth, rawHeight, SKColorType.Rgba8888, alpha), Sampling);
            if (resized is null && (rawWidth != decoded.Width || rawHeight != decoded.Height)) return new ImageProcessing.Refused(DamagedMessage);
            using var upright = Upright(resized ?? decoded, origin);
            using var pixels = upright.PeekPixels();
            variants.Add(Encode(pixels, "image/webp", width, height));
            variants.Add(Encode(pixels, transparent ? "image/png" : "image/jpeg", width, height));
        }
        return new ImageProcessing.Processed(uprightWidth, uprightHeight, variants);
    }

    private const int MaxWebpSide = 16383;

    public static string TooLargeMessage(long maxBytes) =>
        $"This file is larger than the {maxBytes / (1024.0 * 1024):0.#} MB accepted. Make the image smaller and upload it again.";

    /// <summary>480, 960 and 1600 where the image is wider; its own width as the widest where it is narrower.</summary>
    public static IReadOnlyList<int> TargetWidths(int width)
    {
        var widths = Widths.Where(w => w < width).ToList();
        if (widths.Count < Widths.Count) widths.Add(width);
        return widths;
    }

    private static EncodedVariant Encode(SKPixmap pixels, string contentType, int width, int height)
    {
        using var data = contentType switch
        {
            "image/webp" => pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality)),
            "image/png" => pixels.Encode(SKPngEncoderOptions.Default),
            _ => pixels.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
        };
        if (data is null) throw new InvalidOperationException($"SkiaSharp could not encode a {width} × {height} {contentType}.");
        return new EncodedVariant(width, height, contentType, data.ToArray());
    }

    /// <summary>Orientations 5 to 8 are turned a quarter: the stored width is the displayed height.</summary>
    private static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The bitmap as it is meant to be seen: <paramref name="source"/> mapped by the EXIF orientation (a new bitmap, or a copy when upright).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = SwapsAxes(origin) ? (source.Height, source.Width) : (source.Width, source.Height);
        // Where the stored pixel (u, v) goes: x' = scaleX·u + skewX·v + transX, y' = skewY·u + scaleY·v + transY.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        // No colour space on the result: its pixels are sRGB already, and untagged files are sRGB to every browser
        // (a tag would only add an ICC profile to each file).
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        using var pixels = source.PeekPixels();
        using var image = SKImage.FromPixels(pixels);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return result;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        // RGBA: every fourth byte is alpha.
        var bytes = bitmap.GetPixelSpan();
        for (var i = 3; i < bytes.Length; i += 4)
        {
            if (bytes[i] != 255) return true;
        }
        return false;
    }
}
