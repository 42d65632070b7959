using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Khilafat.Web.Pages;

/// <summary>
/// First run: the link the app logs when it has no account (/setup?token=...) creates the first Admin. Without the
/// right token, or once any account exists, this page is a 404.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class SetupModel(SetupToken setupToken, UserAdministration accounts, SiteSignInManager signIn, UserManager<SiteUser> users) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Title => "Set up the site";
    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync() => await setupToken.MatchesAsync(Token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await setupToken.MatchesAsync(Token)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!await setupToken.TryClaimAsync(Token)) return NotFound();

        var result = users.Users.Any()
            ? AccountResult.Fail("An account exists already.")
            : await accounts.CreateAsync(Input.Email, Roles.Admin, Actor.System, Input.Password);
        if (!result.Succeeded)
        {
            await setupToken.RestoreAsync();
            ModelState.AddModelError(result.Error!.Contains("password", StringComparison.OrdinalIgnoreCase) ? "Input.Password" : "Input.Email", result.Error);
            return Page();
        }

        await setupToken.CloseAsync();
        await signIn.SignInAsync((await users.FindByIdAsync(result.UserId!))!, isPersistent: false);
        return Redirect("/admin");
    }

    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email must be at most 256 characters.")]
        [Display(Name = "Your email")]
        public string Email { get; set; } = "";
    }
}
