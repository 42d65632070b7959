using System.Security.Claims;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Accounts;

public enum SignInOutcome { Succeeded, RequiresTwoFactor, LockedOut, Failed, TooManyFromAddress }

/// <summary>What the sign-in pages say when a step does not let someone in.</summary>
public static class SignInMessages
{
    /// <summary>At the password step, for a wrong password, an unknown email, a disabled and a locked account alike: none of them is told apart.</summary>
    public const string Failed = "The email or password is not right. After too many failed attempts an account is locked for 15 minutes.";

    /// <summary>After the password step (the account is known by then).</summary>
    public const string LockedOut = "This account is locked after too many failed attempts. Try again in 15 minutes.";

    public const string TooManyFromAddress = "Too many failed sign-ins from your network. Try again in 15 minutes.";
}

/// <summary>
/// Signing in and out with Identity, each step written to the audit log. Failed password steps are counted per
/// network address (from the audit log, so every instance counts the same) and an address over its limit is refused
/// before any account is looked at; only guessing spread over several addresses reaches an account's lockout.
/// </summary>
public sealed class SignInFlow(
    SiteSignInManager signIn, UserManager<SiteUser> users, SiteDbContext db, TimeProvider clock,
    IHttpContextAccessor accessor, SiteKeys keys, IOptions<SecurityOptions> security)
{
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    // Hashing a password for an unknown email too keeps the answer's timing from telling which emails have accounts.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<SiteUser>().HashPassword(new SiteUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> PasswordAsync(string email, string password)
    {
        var address = AuditTargets.ClientAddress(await keys.HashIpAsync(accessor.HttpContext?.Connection.RemoteIpAddress));
        if (await RecentFailuresFromAsync(address) >= security.Value.SignInFailuresPerAddress)
        {
            // Recorded as a failure too: an address that keeps guessing stays refused.
            await db.RecordAsync(clock, new Actor(null, email.Trim()), AuditActions.SignInFailed, address, "too many failures from this address");
            return SignInOutcome.TooManyFromAddress;
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new SiteUser(), DecoyHash.Value, password);
            await db.RecordAsync(clock, new Actor(null, email.Trim()), AuditActions.SignInFailed, address, "no such account");
            return SignInOutcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return await RecordAsync(user, result, "password", address);
    }

    private Task<int> RecentFailuresFromAsync(string address)
    {
        var since = (clock.GetUtcNow() - FailureWindow).UtcDateTime;
        return db.AuditEntries.CountAsync(e => (e.Action == AuditActions.SignInFailed || e.Action == AuditActions.LockedOut) && e.At >= since && e.Target == address);
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

    private async Task<SignInOutcome> RecordAsync(SiteUser user, SignInResult result, string method, string? address = null)
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
            await db.RecordAsync(clock, actor, AuditActions.LockedOut, address, method);
            return SignInOutcome.LockedOut;
        }
        await db.RecordAsync(clock, actor, AuditActions.SignInFailed, address, result.IsNotAllowed ? "account disabled" : method);
        return SignInOutcome.Failed;
    }

    // Authenticator apps show codes as "123 456"; recovery codes keep their hyphen ("abcde-12345").
    private static string Normalize(string code) => code.Replace(" ", "").Replace("-", "").Trim();
}
