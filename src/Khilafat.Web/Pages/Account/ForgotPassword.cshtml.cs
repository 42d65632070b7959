using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Khilafat.Web.Pages.Account;

/// <summary>
/// "Forgot your password?": a one-time link by email. The answer is the same whether or not the email has an account;
/// submissions count towards the per-IP sign-in limit, and links per account are limited too.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class ForgotPasswordModel(UserAdministration accounts) : PageModel, IPageMeta
{
    public const string Sent = "If an account has this email, we have sent it a link to choose a new password. It works once. Check your spam folder too.";

    [BindProperty]
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(256, ErrorMessage = "The email must be at most 256 characters.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Forgot your password?";
    public bool NoIndex => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        await accounts.RequestForgottenPasswordLinkAsync(Email, HttpContext.RequestAborted);
        StatusMessage = Sent;
        return RedirectToPage();
    }
}
