namespace Khilafat.Web.Pages.Admin;

/// <summary>What the translation editors (pages, FAQ entries) say about a seeded translation's review.</summary>
public static class TranslationReview
{
    public const string ReviewedMessage = "Marked as reviewed: readers no longer see that this translation awaits review.";
}
