using System.Security.Cryptography;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Accounts;

/// <summary>
/// Identity's account store, with the secrets of two-factor sign-in encrypted: the authenticator key and the recovery
/// codes, which Identity keeps as the account's tokens. In clear, a copy of the database (an admin's backup) would hold
/// beside each password hash what the second factor is made from. They are encrypted with Data Protection, whose key
/// ring is itself encrypted with the key-encryption certificate, which a backup does not hold.
/// </summary>
public sealed class SiteUserStore(SiteDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<SiteUser, IdentityRole, SiteDbContext>(context, describer)
{
    /// <summary>The login provider under which Identity's own store keeps these tokens (UserStoreBase's, which is private there).</summary>
    public const string TwoFactorProvider = "[AspNetUserStore]";

    private readonly IDataProtector _secrets = protection.CreateProtector("Khilafat.Web.Accounts.TwoFactorSecrets");

    public override Task SetTokenAsync(SiteUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, loginProvider == TwoFactorProvider && value is not null ? _secrets.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(SiteUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return loginProvider == TwoFactorProvider && stored is not null ? Reveal(stored) : stored;
    }

    /// <summary>
    /// Encrypts what builds before this store wrote in clear. At start, before any request: one read, and a write only
    /// for what is still in clear.
    /// </summary>
    public async Task EncryptClearSecretsAsync(CancellationToken ct = default)
    {
        var stored = await Context.UserTokens.AsNoTracking().Where(t => t.LoginProvider == TwoFactorProvider).Select(t => t.Value).ToListAsync(ct);
        if (stored.All(v => v is null || IsProtected(v))) return;
        await Context.WriteAsync(async c =>
        {
            var tokens = await Context.UserTokens.Where(t => t.LoginProvider == TwoFactorProvider).ToListAsync(c);
            foreach (var token in tokens.Where(t => t.Value is not null && !IsProtected(t.Value))) token.Value = _secrets.Protect(token.Value!);
        }, ct);
    }

    /// <summary>The secret in <paramref name="stored"/>; a value an earlier build stored in clear reads as it is until <see cref="EncryptClearSecretsAsync"/>.</summary>
    private string Reveal(string stored) => Unprotected(stored) ?? stored;

    private bool IsProtected(string value) => Unprotected(value) is not null;

    private string? Unprotected(string value)
    {
        try
        {
            return _secrets.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
