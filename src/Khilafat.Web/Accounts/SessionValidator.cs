using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Accounts;

/// <summary>
/// Checks the sign-in cookie's security stamp against the account on every request, not once per interval: signing
/// out, "sign out everywhere", a role change, a new password and a disabled account each change the stamp, and a cookie
/// copied before that must stop working at once, not a minute later. A passing check leaves the cookie as it is
/// (Identity's own validator would reissue it), so a request costs one lookup of the account and no Set-Cookie.
/// </summary>
public sealed class SessionValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<SiteUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<SiteUser>(options, signIn, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && await VerifySecurityStamp(principal) is not null) return;
        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }
}
