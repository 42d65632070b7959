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
    /// sitemap and links in emails. Required outside Development; in Development it defaults to the address the
    /// server listens on. Never taken from the request, whose Host header anyone can set.
    /// </summary>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The time zone in which editors enter and read times (an update's publish time), as an IANA name such as
    /// "Asia/Karachi" or "Europe/London". Times are stored in UTC. Default "UTC"; an unknown name stops start-up.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";
}
