using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Khilafat.Web.Accounts;

/// <summary>A key offered for setting up an authenticator app, and the token that carries it, sealed, through the setup form.</summary>
public sealed record AuthenticatorCandidate(string Key, string Token);

/// <summary>
/// Setting up two-factor sign-in without a GET changing anything: the page offers a new key that is not stored, sealed
/// in the form (so that it cannot be swapped, and ends after an hour); only a POST with a current code of that key
/// stores it and turns two-factor on. And proving it is the owner, not just their session, before turning it off or
/// making new recovery codes.
/// </summary>
public sealed class TwoFactorSetup(UserManager<SiteUser> users, IUserStore<SiteUser> store, OneTimeAuthenticatorTokenProvider codes, IDataProtectionProvider dataProtection)
{
    private static readonly TimeSpan CandidateLifetime = TimeSpan.FromHours(1);
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("Khilafat.Web.TwoFactorSetup").ToTimeLimitedDataProtector();

    /// <summary>A new key for <paramref name="user"/>, stored nowhere yet.</summary>
    public AuthenticatorCandidate NewCandidate(SiteUser user)
    {
        var key = users.GenerateNewAuthenticatorKey();
        return new AuthenticatorCandidate(key, _protector.Protect(user.Id + "\n" + key, CandidateLifetime));
    }

    /// <summary>The candidate a setup form carried, when it is this account's and not expired; null otherwise.</summary>
    public AuthenticatorCandidate? CandidateFrom(string? token, SiteUser user)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = _protector.Unprotect(token).Split('\n');
            return parts is [var id, var key] && id == user.Id ? new AuthenticatorCandidate(key, token) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores the candidate's key and turns two-factor on when <paramref name="code"/> is its current code (used up
    /// by this, so it cannot also sign in). Turning it on changes the security stamp: the account's other sessions end.
    /// </summary>
    public async Task<bool> EnableAsync(SiteUser user, AuthenticatorCandidate candidate, string code)
    {
        if (!await codes.TryUseAsync(user.Id, candidate.Key, code)) return false;
        await ((IUserAuthenticatorKeyStore<SiteUser>)store).SetAuthenticatorKeyAsync(user, candidate.Key, CancellationToken.None);
        await users.SetTwoFactorEnabledAsync(user, true);
        return true;
    }

    /// <summary>Whether <paramref name="passwordOrCode"/> is the account's password or a current, unused code from its app.</summary>
    public async Task<bool> ProvesOwnerAsync(SiteUser user, string? passwordOrCode)
    {
        if (string.IsNullOrWhiteSpace(passwordOrCode)) return false;
        if (user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key && await codes.TryUseAsync(user.Id, key, passwordOrCode))
            return true;
        return await users.CheckPasswordAsync(user, passwordOrCode);
    }
}
