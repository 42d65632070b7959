namespace Khilafat.Web.Relief;

/// <summary>The public addresses of the relief feature and of the page that explains its criteria.</summary>
public static class ReliefPages
{
    public const string ListPath = "/relief";
    public const string ActPath = "/act";

    /// <summary>
    /// The slug of the seeded page "How we choose": the criteria for listing an organisation, on the pages path, so
    /// editors draft, revise and translate it in /admin/pages like any page.
    /// </summary>
    public const string HowWeChooseSlug = "how-we-choose";
}
