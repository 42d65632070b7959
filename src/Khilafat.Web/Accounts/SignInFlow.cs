using System.Security.Claims;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Khilafat.Web.Accounts;

public enum SignInOutcome { Succeeded, RequiresTwoFactor, LockedOut, Failed }

/// <summary>What the sign-in pages say when a step does not let someone in.</summary>
public static class SignInMessages
{
    public const string LockedOut = "This account is locked after too many failed attempts. Try again in 15 minutes.";
}

/// <summary>Signing in and out with Identity, each step written to the audit log.</summary>
public sealed class SignInFlow(SiteSignInManager signIn, UserManager<SiteUser> users, SiteDbContext db, TimeProvider clock)
{
    // Hashing a password for an unknown email too keeps the answer's timing from telling which emails have accounts.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<SiteUser>().HashPassword(new SiteUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> PasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new SiteUser(), DecoyHash.Value, password);
            await db.RecordAsync(clock, new Actor(null, email.Trim()), AuditActions.SignInFailed, details: "no such account");
            return SignInOutcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return await RecordAsync(user, result, "password");
    }

    /// <summary>The second step: the code from the authenticator app of the account that passed the password step.</summary>
    public async Task<SignInOutcome> AuthenticatorCodeAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInOutcome.Failed;
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Normalize(code), isPersistent: false, rememberClient: false);
        return await RecordAsync(user, result, "authenticator code");
    }

    public async Task<SignInOutcome> RecoveryCodeAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInOutcome.Failed;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "").Trim());
        return await RecordAsync(user, result, "recovery code");
    }

    /// <summary>Whether a password step is waiting for its second factor (so the two-factor page has someone to sign in).</summary>
    public async Task<bool> HasPendingTwoFactorAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary>
    /// Ends this session on the server too: a new security stamp refuses the cookie wherever a copy of it is. That
    /// ends the account's other sessions as well; on a site for a handful of editors that is the safer side to err on.
    /// </summary>
    public Task SignOutAsync(ClaimsPrincipal principal) => EndSessionsAsync(principal, AuditActions.SignOut);

    /// <summary>Ends every session of the account, on every device and instance, this one included.</summary>
    public Task SignOutEverywhereAsync(ClaimsPrincipal principal) => EndSessionsAsync(principal, AuditActions.SignOutEverywhere);

    private async Task EndSessionsAsync(ClaimsPrincipal principal, string action)
    {
        if (principal.Identity?.IsAuthenticated == true && await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await db.RecordAsync(clock, Actor.From(principal), action);
        }
        await signIn.SignOutAsync();
    }

    private async Task<SignInOutcome> RecordAsync(SiteUser user, SignInResult result, string method)
    {
        var actor = new Actor(user.Id, user.Email ?? user.UserName ?? user.Id);
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            await db.RecordAsync(clock, actor, AuditActions.SignIn, details: method);
            return SignInOutcome.Succeeded;
        }
        if (result.RequiresTwoFactor) return SignInOutcome.RequiresTwoFactor;
        if (result.IsLockedOut)
        {
            await db.RecordAsync(clock, actor, AuditActions.LockedOut, details: method);
            return SignInOutcome.LockedOut;
        }
        await db.RecordAsync(clock, actor, AuditActions.SignInFailed, details: result.IsNotAllowed ? "account disabled" : method);
        return SignInOutcome.Failed;
    }

    // Authenticator apps show codes as "123 456"; recovery codes keep their hyphen ("abcde-12345").
    private static string Normalize(string code) => code.Replace(" ", "").Replace("-", "").Trim();
}
