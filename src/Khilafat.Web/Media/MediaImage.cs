namespace Khilafat.Web.Media;

/// <summary>
/// An image an editor uploaded. Nothing of the upload itself is kept: only its <see cref="Variants"/>, decoded, turned
/// upright and re-encoded without metadata. Width and height are the upright original's.
/// </summary>
public class MediaImage
{
    public const int AltMaxLength = 300;

    public int Id { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>The English alt text: required, and what every language shows until it has its own.</summary>
    public required string Alt { get; set; }
    public string? AltAr { get; set; }
    public string? AltUr { get; set; }

    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }

    public List<MediaVariant> Variants { get; set; } = [];

    /// <summary>The alt text in <paramref name="culture"/>, the English one where it has none.</summary>
    public string AltFor(string culture) => AltIn(culture, Alt, AltAr, AltUr);

    public static string AltIn(string culture, string alt, string? altAr, string? altUr) => culture switch
    {
        "ar" when !string.IsNullOrWhiteSpace(altAr) => altAr,
        "ur" when !string.IsNullOrWhiteSpace(altUr) => altUr,
        _ => alt,
    };
}

/// <summary>One stored file of an image: a width in one format, named by the hash of its bytes.</summary>
public class MediaVariant
{
    public int Id { get; set; }
    public int ImageId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>"image/webp", "image/jpeg" or "image/png".</summary>
    public required string ContentType { get; set; }

    /// <summary>The file's name in the store and in its address: "{hash}.webp" (<see cref="MediaFiles"/>).</summary>
    public required string FileName { get; set; }

    public long Bytes { get; set; }
}
