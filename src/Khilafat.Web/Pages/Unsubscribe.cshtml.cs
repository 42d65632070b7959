using Khilafat.Web.MailingList;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages;

/// <summary>The unsubscribe link in every email: opening it shows a button; the button (a POST) unsubscribes.</summary>
[EnableRateLimiting(RateLimitPolicies.Links)]
public class UnsubscribeModel(MailingListService mailingList, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool IsValid { get; private set; }
    public bool IsDone { get; private set; }
    public string MaskedEmail { get; private set; } = "";

    public string Title => IsDone ? t["You are unsubscribed"] : IsValid ? t["Unsubscribe"] : t["This link does not work"];
    public bool NoIndex => true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var subscriber = await mailingList.CheckUnsubscribeAsync(Token, ct);
        IsValid = subscriber is not null;
        IsDone = subscriber?.Status == SubscriberStatus.Unsubscribed;
        MaskedEmail = Mask(subscriber?.Email);
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        IsValid = IsDone = await mailingList.UnsubscribeAsync(Token, ct);
    }

    /// <summary>"amina@example.org" shows as "a•••a@example.org": enough to recognise, little to a stranger who has the link.</summary>
    private static string Mask(string? email)
    {
        if (email is null) return "";
        var at = email.LastIndexOf('@');
        var local = email[..at];
        var shown = local.Length <= 2 ? local[..1] + "•••" : local[0] + "•••" + local[^1];
        return shown + email[at..];
    }
}
