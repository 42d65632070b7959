namespace Khilafat.Web.Pages;

/// <summary>What the layout puts in a page's head: the title, the meta description, and whether search engines may index it.</summary>
public interface IPageMeta
{
    string Title { get; }

    /// <summary>The meta description; pages people arrive at from a search engine have one.</summary>
    string? Description => null;

    bool NoIndex => false;

    /// <summary>For a page kept out of search engines that stands for another (an old version of a text): that page's path.</summary>
    string? CanonicalPath => null;

    /// <summary>The picture of link previews (og:image): the page's lead image, if it has one.</summary>
    Media.MediaPicture? Image => null;

    /// <summary>
    /// The languages the page's text is written in; null when it is in every language (its words are the site's own).
    /// In another language the page shows its English text, so that address names the English one as canonical, and
    /// no page names it as an alternate.
    /// </summary>
    IReadOnlyList<string>? Languages => null;

    /// <summary>
    /// Where the language switcher takes a reader of another language; null for this same page in that language. A
    /// page whose address means something in one language only (a version's number, a comparison of two: each
    /// language numbers its own versions) names the page it belongs to.
    /// </summary>
    string? LanguageSwitchPath => null;

    /// <summary>A text (statement, history, an update, a petition, an event): og:type "article" rather than "website".</summary>
    bool IsArticle => false;
}
