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

    /// <summary>
    /// The address readers write to (privacy requests, questions), shown at the foot of every page. Default none:
    /// the footer then shows no contact line.
    /// </summary>
    [EmailAddress(ErrorMessage = "Site:ContactEmail (Site__ContactEmail) must be an email address.")]
    [StringLength(254)]
    public string? ContactEmail { get; set; }

    /// <summary>
    /// Who runs the site, as the footer says it ("The Khilafat Movement UK, a registered association"). Default none:
    /// the footer then leaves the line out.
    /// </summary>
    [StringLength(200, ErrorMessage = "Site:Operator (Site__Operator) must be at most 200 characters.")]
    public string? Operator { get; set; }
}
