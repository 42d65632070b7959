using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Khilafat.Web.Pages.Account;

/// <summary>The second sign-in step with one of the account's recovery codes instead of the app. Each code works once.</summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class RecoveryCodeModel(SignInFlow signIn) : PageModel, IPageMeta
{
    [BindProperty]
    [Required(ErrorMessage = "Enter one of your recovery codes.")]
    [StringLength(40, ErrorMessage = "A recovery code is at most 40 characters.")]
    [Display(Name = "Recovery code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Title => "Sign in with a recovery code";
    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.HasPendingTwoFactorAsync() ? Page() : RedirectToPage("SignIn", new { returnUrl = ReturnUrl });

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await signIn.HasPendingTwoFactorAsync()) return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid) return Page();
        return SecondStepResult(await signIn.RecoveryCodeAsync(Code), "That recovery code is not right, or it has been used already.");
    }

    private IActionResult SecondStepResult(SignInOutcome outcome, string wrongCode)
    {
        if (outcome == SignInOutcome.Succeeded) return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/admin");
        if (outcome == SignInOutcome.LockedOut) ModelState.AddModelError(string.Empty, SignInMessages.LockedOut);
        else ModelState.AddModelError(nameof(Code), wrongCode);
        return Page();
    }
}
