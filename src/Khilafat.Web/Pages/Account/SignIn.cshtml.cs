using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Khilafat.Web.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class SignInModel(SignInFlow signIn) : PageModel, IPageMeta
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Sign in";
    public bool NoIndex => true;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        switch (await signIn.PasswordAsync(Input.Email, Input.Password))
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(SafeReturnUrl);
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToPage("TwoFactor", new { returnUrl = SafeReturnUrl });
            case SignInOutcome.TooManyFromAddress:
                ModelState.AddModelError(string.Empty, SignInMessages.TooManyFromAddress);
                return Page();
            default:
                // A locked account is not told apart from a wrong password or an unknown email.
                ModelState.AddModelError(string.Empty, SignInMessages.Failed);
                return Page();
        }
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/admin";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email must be at most 256 characters.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256, ErrorMessage = "The password must be at most 256 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }
}
