namespace Khilafat.Web.Pages;

/// <summary>What the share links of a page carry: its absolute address and the words to share it with (its title).</summary>
public sealed record ShareLinks(string Url, string Text);

/// <summary>The end of a long page: join the list, share this page, give to relief.</summary>
public sealed record EndOfPage(ShareLinks Share)
{
    /// <summary>The request item the panel sets, so the layout's footer does not repeat its sign-up.</summary>
    public const string ShownKey = "end-of-page-shown";
}
