using System.Text.RegularExpressions;
using Khilafat.Web.Accounts;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Khilafat.Web.Pages.Account;

/// <summary>
/// The second sign-in step, for both of its pages: /account/two-factor takes a code from the authenticator app,
/// /account/recovery-code one of the account's recovery codes (each works once). Only the check and the words differ.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public partial class TwoFactorModel(SignInFlow signIn) : PageModel, IPageMeta
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether this is the recovery-code page rather than the authenticator one.</summary>
    public bool WithRecoveryCode => PageContext.ActionDescriptor.ViewEnginePath == "/Account/RecoveryCode";

    public string Title => WithRecoveryCode ? "Sign in with a recovery code" : "Two-factor sign-in";
    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.HasPendingTwoFactorAsync() ? Page() : RedirectToPage("SignIn", new { returnUrl = ReturnUrl });

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await signIn.HasPendingTwoFactorAsync()) return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        var code = Code ?? "";
        if (WithRecoveryCode)
        {
            if (code.Length == 0) ModelState.AddModelError(nameof(Code), "Enter one of your recovery codes.");
            else if (code.Length > 40) ModelState.AddModelError(nameof(Code), "A recovery code is at most 40 characters.");
        }
        else if (code.Length == 0) ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app.");
        else if (!AuthenticatorCodeShape().IsMatch(code)) ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app.");
        if (!ModelState.IsValid) return Page();
        return WithRecoveryCode
            ? SecondStepResult(await signIn.RecoveryCodeAsync(code), "That recovery code is not right, or it has been used already.")
            : SecondStepResult(await signIn.AuthenticatorCodeAsync(code), "That code is not right. Codes change every 30 seconds: try the current one.");
    }

    private IActionResult SecondStepResult(SignInOutcome outcome, string wrongCode)
    {
        if (outcome == SignInOutcome.Succeeded) return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/admin");
        if (outcome == SignInOutcome.LockedOut) ModelState.AddModelError(string.Empty, SignInMessages.LockedOut);
        else ModelState.AddModelError(nameof(Code), wrongCode);
        return Page();
    }

    [GeneratedRegex(@"^[0-9 \-]{6,9}$")]
    private static partial Regex AuthenticatorCodeShape();
}
