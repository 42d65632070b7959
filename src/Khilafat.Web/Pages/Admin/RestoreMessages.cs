using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin;

/// <summary>What every history page says after a restore.</summary>
public static class RestoreMessages
{
    public static string For(TextSaveResult result, int number, string what) => result switch
    {
        TextSaveResult.Saved => $"Revision {number} is restored as the newest revision.",
        TextSaveResult.Invalid invalid => $"Revision {number} cannot be restored: " + string.Join(" ", invalid.Errors.Values),
        _ => $"Someone saved the {what} at the same moment. Look at the newest revision, then restore again if you still want to.",
    };
}
