using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>Uploaded images (<see cref="Media.MediaLibrary"/>). Section "Media".</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The highest <see cref="MaxBytes"/> may be set: the upload form's request limit is fixed at start.</summary>
    public const long MaxBytesCeiling = 200L * 1024 * 1024;

    /// <summary>The largest file an editor may upload, in bytes. Default 20 MB (a phone's full-size photo is 3 to 12 MB).</summary>
    [Range(1024, MaxBytesCeiling, ErrorMessage = "Media:MaxBytes must be between 1024 and 209715200 bytes.")]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The most pixels (width × height) an upload may have, read from the file's header before anything is decoded, so a
    /// small file that claims a huge image (a decompression bomb) is refused without the memory it would take. Default
    /// 50 million (a 48-megapixel phone photo fits; decoding it takes 200 MB for the moment it is processed).
    /// </summary>
    [Range(1, 200_000_000, ErrorMessage = "Media:MaxPixels must be between 1 and 200000000.")]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// Where the file store keeps the images' variants. Default App_Data/media under the content root. Several
    /// instances must share it (a shared volume), or use another <see cref="Media.IMediaStore"/>.
    /// </summary>
    public string? Directory { get; set; }
}
