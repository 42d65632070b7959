using System.Text;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Khilafat.Web.Pages.Account;

/// <summary>Where a password link leads: a new account sets its first password, an existing one a new password. The link works once.</summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class ResetPasswordModel(UserManager<SiteUser> users, SiteDbContext db, TimeProvider clock) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkIsValid { get; private set; }
    public string? Email { get; private set; }

    public string Title => "Set your password";
    public bool NoIndex => true;

    public async Task OnGetAsync()
    {
        var (user, token) = await ReadLinkAsync();
        LinkIsValid = user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<SiteUser>.ResetPasswordTokenPurpose, token!);
        Email = LinkIsValid ? user!.Email : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, token) = await ReadLinkAsync();
        if (user is null) return Page();
        Email = user.Email;
        LinkIsValid = true;
        if (!ModelState.IsValid) return Page();

        var result = await users.ResetPasswordAsync(user, token!, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken")) LinkIsValid = false;
            else foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }
        // A fresh password clears an earlier lockout: the owner has proved who they are through the link.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.RecordAsync(clock, new Actor(user.Id, user.Email ?? user.Id), AuditActions.PasswordReset);
        TempData[StatusMessages.Key] = "Your password is set. You can sign in now.";
        return RedirectToPage("SignIn");
    }

    private async Task<(SiteUser? User, string? Token)> ReadLinkAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) || UserId.Length > 100 || Code.Length > 2000) return (null, null);
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)); }
        catch (FormatException) { return (null, null); }
        var user = await users.FindByIdAsync(UserId);
        return user is null || user.IsDisabled ? (null, null) : (user, token);
    }
}
