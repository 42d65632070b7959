using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>The site as a whole. Section "Site".</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The movement's name, shown in the header and page titles. Default "Khilafat Movement".</summary>
    [Required, StringLength(100)]
    public string Name { get; set; } = "Khilafat Movement";

    /// <summary>
    /// The public address of the site (for example https://khilafat.example.org), used for canonical links, the
    /// sitemap and links in emails. Default: none, and the address of the current request is used instead.
    /// </summary>
    [Url]
    public string? PublicUrl { get; set; }
}
