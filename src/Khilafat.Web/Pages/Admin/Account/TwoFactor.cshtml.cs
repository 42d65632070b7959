using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Settings;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Khilafat.Web.Pages.Admin.Account;

/// <summary>
/// Setting up two-factor sign-in with an authenticator app (TOTP), its recovery codes, and turning it off. Opening the
/// page changes nothing; turning it off and new recovery codes need the password or a current code, not just the
/// session. Its forms count towards the per-IP sign-in limit, as they take passwords and codes.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class TwoFactorModel(
    UserManager<SiteUser> users, SiteSignInManager signIn, TwoFactorSetup setup, SiteSettingsStore settings, SiteDbContext db, TimeProvider clock, IOptions<SiteOptions> site)
    : PageModel, IPageMeta
{
    private const string ProofMissing = "Enter your password, or the current code from your authenticator app.";
    private const string ProofWrong = "That is neither your password nor a current code from your authenticator app.";

    [BindProperty]
    [Display(Name = "Code from the app")]
    public string? Code { get; set; }

    /// <summary>The sealed key the setup form was shown with (see <see cref="TwoFactorSetup"/>).</summary>
    [BindProperty]
    public string? SetupToken { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    [Display(Name = "Your password, or a code from the app")]
    public string? NewCodesProof { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    [Display(Name = "Your password, or a code from the app")]
    public string? DisableProof { get; set; }

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
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        var candidate = setup.CandidateFrom(SetupToken, user);
        if (candidate is null)
        {
            ModelState.AddModelError(nameof(Code), "This set-up page is over an hour old. Scan the new code below, and enter the code the app then shows.");
        }
        else if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code your authenticator app shows.");
        }
        else if (!await setup.EnableAsync(user, candidate, Code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the app shows this site, and enter its current code.");
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user, candidate);
            return Page();
        }
        await db.RecordAsync(clock, Actor.From(User), AuditActions.TwoFactorEnabled);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        // Turning it on changed the security stamp: renew this session's cookie (the others end).
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
        if (!await ProvesOwnerAsync(user, NewCodesProof, nameof(NewCodesProof)))
        {
            await ShowAsync(user);
            return Page();
        }
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        if (!await MayDisableAsync(user))
        {
            StatusMessage = "Two-factor sign-in is required for Admins, so it cannot be turned off.";
            return RedirectToPage();
        }
        if (!await ProvesOwnerAsync(user, DisableProof, nameof(DisableProof)))
        {
            await ShowAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await db.RecordAsync(clock, Actor.From(User), AuditActions.TwoFactorDisabled);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Two-factor sign-in is off. Remove this site from your authenticator app.";
        return RedirectToPage();
    }

    private async Task<bool> ProvesOwnerAsync(SiteUser user, string? proof, string field)
    {
        if (string.IsNullOrWhiteSpace(proof)) ModelState.AddModelError(field, ProofMissing);
        else if (!await setup.ProvesOwnerAsync(user, proof)) ModelState.AddModelError(field, ProofWrong);
        return ModelState.IsValid;
    }

    /// <summary>Fills the page. Not enabled: shows <paramref name="candidate"/> (the one a failed attempt used), or a new one; nothing is stored.</summary>
    private async Task ShowAsync(SiteUser user, AuthenticatorCandidate? candidate = null)
    {
        IsEnabled = user.TwoFactorEnabled;
        MayDisable = await MayDisableAsync(user);
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        candidate ??= setup.NewCandidate(user);
        SetupToken = candidate.Token;
        SharedKey = string.Join(" ", candidate.Key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var issuer = Uri.EscapeDataString(site.Value.Name);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={candidate.Key}&issuer={issuer}&digits=6";
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 5));
    }

    private async Task<bool> MayDisableAsync(SiteUser user) =>
        !(await users.IsInRoleAsync(user, Roles.Admin) && await settings.RequireAdminTwoFactorAsync());
}
