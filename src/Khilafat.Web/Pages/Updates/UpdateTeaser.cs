using Khilafat.Web.Updates;

namespace Khilafat.Web.Pages.Updates;

/// <summary>What _UpdateTeaser shows: one update in a list, its title a heading of <see cref="HeadingLevel"/> (2 on /updates, 3 on the home page).</summary>
public sealed record UpdateTeaser(PublishedUpdate Update, int HeadingLevel);
