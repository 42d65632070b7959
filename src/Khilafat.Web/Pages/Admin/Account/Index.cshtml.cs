using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Account;

/// <summary>The signed-in account's own page: change the password, a way to two-factor sign-in, and signing out everywhere.</summary>
public class IndexModel(UserManager<SiteUser> users, SiteSignInManager signIn, SignInFlow flow, SiteDbContext db, TimeProvider clock) : PageModel, IPageMeta
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool TwoFactorEnabled { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Your account";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        TwoFactorEnabled = user.TwoFactorEnabled;
        if (!ModelState.IsValid) return Page();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.Password",
                    error.Code == "PasswordMismatch" ? "Your current password is not right." : error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        await db.RecordAsync(clock, Actor.From(User), AuditActions.PasswordReset, details: "changed by the owner");
        StatusMessage = "Your password is changed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await flow.SignOutEverywhereAsync(User);
        StatusMessage = "You are signed out everywhere. Sign in again to carry on.";
        return RedirectToPage("/Account/SignIn");
    }

    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(256, ErrorMessage = "The password must be at most 256 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";
    }
}
