namespace Khilafat.Web.Pages;

/// <summary>The TempData entry that carries a status message across a post-redirect-get, shown by _StatusMessage.</summary>
public static class StatusMessages
{
    public const string Key = "StatusMessage";
}
