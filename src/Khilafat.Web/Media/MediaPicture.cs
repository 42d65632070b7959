using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Khilafat.Web.Media;

/// <summary>A file of a picture as a page links to it.</summary>
public sealed record PictureFile(int Width, int Height, string ContentType, string Path);

/// <summary>
/// An image as a reader's page shows it: its alt text in the page's language and its files. <see cref="Width"/> and
/// <see cref="Height"/> are the widest file's, so the page keeps the picture's place before it loads.
/// </summary>
public sealed record MediaPicture(int Id, string Alt, IReadOnlyList<PictureFile> Files)
{
    /// <summary>How wide the picture is drawn: the whole column of text, which is at most 48rem.</summary>
    public const string ColumnSizes = "(min-width: 52rem) 48rem, 100vw";

    public IReadOnlyList<PictureFile> Webp => Files.Where(f => f.ContentType == "image/webp").OrderBy(f => f.Width).ToList();

    /// <summary>JPEG, or PNG for a picture with transparency: what browsers without WebP and link previews get.</summary>
    public IReadOnlyList<PictureFile> Fallback => Files.Where(f => f.ContentType != "image/webp").OrderBy(f => f.Width).ToList();

    public int Width => Fallback[^1].Width;
    public int Height => Fallback[^1].Height;

    /// <summary>The file for og:image: the widest fallback (social sites read JPEG and PNG, not always WebP).</summary>
    public PictureFile Largest => Fallback[^1];

    /// <summary>
    /// The &lt;picture&gt; element: WebP and the fallback as srcsets, width and height, the alt text. Every value is
    /// encoded here, so the markup can go into a page as it is (the Markdown renderer and the _Picture partial both use it).
    /// </summary>
    public string ToHtml(string sizes = ColumnSizes, bool lazy = true, string? cssClass = null)
    {
        var html = HtmlEncoder.Default;
        var fallback = Fallback;
        var middle = fallback.FirstOrDefault(f => f.Width >= 960) ?? fallback[^1];
        var builder = new StringBuilder("<picture");
        if (cssClass is not null) builder.Append(" class=\"").Append(html.Encode(cssClass)).Append('"');
        builder.Append("><source type=\"image/webp\" srcset=\"").Append(html.Encode(SrcSet(Webp)))
            .Append("\" sizes=\"").Append(html.Encode(sizes)).Append("\">")
            .Append("<img src=\"").Append(html.Encode(middle.Path))
            .Append("\" srcset=\"").Append(html.Encode(SrcSet(fallback)))
            .Append("\" sizes=\"").Append(html.Encode(sizes))
            .Append("\" width=\"").Append(Width.ToString(CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(Height.ToString(CultureInfo.InvariantCulture))
            .Append("\" alt=\"").Append(html.Encode(Alt)).Append('"');
        if (lazy) builder.Append(" loading=\"lazy\"");
        builder.Append(" decoding=\"async\"></picture>");
        return builder.ToString();
    }

    private static string SrcSet(IEnumerable<PictureFile> files) =>
        string.Join(", ", files.Select(f => f.Path + " " + f.Width.ToString(CultureInfo.InvariantCulture) + "w"));
}
