using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Khilafat.Web.Pages.Admin.Account;

/// <summary>Setting up two-factor sign-in with an authenticator app (TOTP), its recovery codes, and turning it off.</summary>
public class TwoFactorModel(
    UserManager<SiteUser> users, SiteSignInManager signIn, SiteSettingsStore settings, SiteDbContext db, TimeProvider clock, IOptions<SiteOptions> site)
    : PageModel, IPageMeta
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code your authenticator app shows.")]
    [RegularExpression(@"^[0-9 \-]{6,9}$", ErrorMessage = "Enter the 6-digit code your authenticator app shows.")]
    [Display(Name = "Code from the app")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }

    /// <summary>Recovery codes just made: shown once, on the response that made them.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool MayDisable { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Two-factor sign-in";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }
        var code = Code.Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the app shows this site, and enter its current code.");
            await ShowAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await db.RecordAsync(clock, Actor.From(User), AuditActions.TwoFactorEnabled);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await signIn.RefreshSignInAsync(user);
        await ShowAsync(user);
        StatusMessage = null;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await MayDisableAsync(user))
        {
            StatusMessage = "Two-factor sign-in is required for Admins, so it cannot be turned off.";
            return RedirectToPage();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await db.RecordAsync(clock, Actor.From(User), AuditActions.TwoFactorDisabled);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Two-factor sign-in is off. Remove this site from your authenticator app.";
        return RedirectToPage();
    }

    private async Task ShowAsync(SiteUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        MayDisable = await MayDisableAsync(user);
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: renew the cookie, or the next stamp check would sign this session out.
            await signIn.RefreshSignInAsync(user);
        }
        SharedKey = string.Join(" ", key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var issuer = Uri.EscapeDataString(site.Value.Name);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 5));
    }

    private async Task<bool> MayDisableAsync(SiteUser user) =>
        !(await users.IsInRoleAsync(user, Roles.Admin) && await settings.RequireAdminTwoFactorAsync());
}
