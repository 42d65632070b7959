using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Khilafat.Web.Pages.Account;

/// <summary>The second sign-in step: a code from the authenticator app.</summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class TwoFactorModel(SignInFlow signIn) : PageModel, IPageMeta
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [RegularExpression(@"^[0-9 \-]{6,9}$", ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [Display(Name = "Authentication code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Title => "Two-factor sign-in";
    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.HasPendingTwoFactorAsync() ? Page() : RedirectToPage("SignIn", new { returnUrl = ReturnUrl });

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await signIn.HasPendingTwoFactorAsync()) return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid) return Page();
        return SecondStepResult(await signIn.AuthenticatorCodeAsync(Code), "That code is not right. Codes change every 30 seconds: try the current one.");
    }

    private IActionResult SecondStepResult(SignInOutcome outcome, string wrongCode)
    {
        if (outcome == SignInOutcome.Succeeded) return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/admin");
        if (outcome == SignInOutcome.LockedOut) ModelState.AddModelError(string.Empty, SignInMessages.LockedOut);
        else ModelState.AddModelError(nameof(Code), wrongCode);
        return Page();
    }
}
