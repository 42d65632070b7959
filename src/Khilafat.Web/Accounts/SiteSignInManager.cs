using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Accounts;

/// <summary>Identity's sign-in manager, refusing disabled accounts (password, two-factor and recovery-code sign-ins alike).</summary>
public sealed class SiteSignInManager(
    UserManager<SiteUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<SiteUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<SiteUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SiteUser> confirmation)
    : SignInManager<SiteUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(SiteUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SiteUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: true } ? null : user;
    }
}
