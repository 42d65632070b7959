namespace Khilafat.Web.Privacy;

/// <summary>The privacy notice: a seeded page on the pages path (editors change it in /admin/pages), linked from every consent text and the footer.</summary>
public static class PrivacyNotice
{
    public const string Slug = "privacy";
    public const string Path = "/" + Slug;
}
