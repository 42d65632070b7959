using System.Security.Cryptography;
using System.Text;
using Khilafat.Web.Data;
using Khilafat.Web.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Privacy;

/// <summary>
/// Keyed hashes and signed tokens: visitors' IPs are stored only as keyed hashes, and links in emails carry short
/// signed tokens. The key is random, made on first use, and kept in the database encrypted by ASP.NET Core Data
/// Protection (whose keys live in the same database), so it survives restarts and backups and is never configured by hand.
/// </summary>
public sealed class SiteKeys(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _master;

    /// <summary>A keyed hash of the client's IP address, for rate limits and spotting floods without storing the address.</summary>
    public async Task<string?> HashIpAsync(System.Net.IPAddress? address) =>
        address is null ? null : Convert.ToHexStringLower(await MacAsync("ip", address.MapToIPv6().ToString()))[..32];

    /// <summary>A keyed hash of a (normalized) email address, for counting one mailbox's submissions without keeping the address.</summary>
    public async Task<string> HashEmailAsync(string email) =>
        Convert.ToHexStringLower(await MacAsync("email", email))[..32];

    /// <summary>
    /// A short token that proves <paramref name="id"/> was issued by this site for <paramref name="purpose"/>, and does
    /// not show it: the id and a 96-bit MAC of it, one AES block encrypted with a key of that purpose. The id is a
    /// running number (a subscriber's, an answer's), from which a reader of their own link could tell how many joined
    /// before them, and, with a second address, how fast the list grows.
    /// </summary>
    public async Task<string> SignAsync(string purpose, int id)
    {
        var block = new byte[16];
        BitConverter.TryWriteBytes(block, id);
        (await MacAsync(purpose, Invariant(id))).AsSpan(0, 12).CopyTo(block.AsSpan(4));
        using var aes = await CipherAsync(purpose);
        return WebEncoders.Base64UrlEncode(aes.EncryptEcb(block, PaddingMode.None));
    }

    /// <summary>
    /// The id in a token made by <see cref="SignAsync"/> for the same purpose, or null when it is not one. Tokens of
    /// the first form (the id in clear before a 128-bit MAC, sent until 7 December 2026) still count: they are in
    /// emails already sent, and leaving a list must go on working from any of them.
    /// </summary>
    public async Task<int?> VerifyAsync(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        byte[] bytes;
        try { bytes = WebEncoders.Base64UrlDecode(token); }
        catch (FormatException) { return null; }
        if (bytes.Length == 16)
        {
            using var aes = await CipherAsync(purpose);
            var block = aes.DecryptEcb(bytes, PaddingMode.None);
            var id = BitConverter.ToInt32(block, 0);
            var expected = await MacAsync(purpose, Invariant(id));
            return CryptographicOperations.FixedTimeEquals(block.AsSpan(4), expected.AsSpan(0, 12)) ? id : null;
        }
        if (bytes.Length == 20)
        {
            var id = BitConverter.ToInt32(bytes, 0);
            var expected = await MacAsync(purpose, Invariant(id));
            return CryptographicOperations.FixedTimeEquals(bytes.AsSpan(4), expected.AsSpan(0, 16)) ? id : null;
        }
        return null;
    }

    /// <summary>
    /// The left part of an outbox message's Message-ID: the same for every try of it, so that a receiving server or
    /// mail program can drop a repeat, and not its running number, which would tell a reader how much the site sends.
    /// </summary>
    public async Task<string> MessageIdAsync(long outboxId, DateTime createdAt) =>
        Convert.ToHexStringLower(await MacAsync("message-id", outboxId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + createdAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)))[..32];

    private async Task<Aes> CipherAsync(string purpose)
    {
        var aes = Aes.Create();
        aes.Key = await MacAsync("token-cipher", purpose);
        return aes;
    }

    private static string Invariant(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<byte[]> MacAsync(string purpose, string value)
    {
        var master = _master ?? await LoadAsync();
        return HMACSHA256.HashData(master, Encoding.UTF8.GetBytes(purpose + "\n" + value));
    }

    /// <summary>Reads the key, making it on a new database. Called at start-up, so that it is never first needed inside a write transaction.</summary>
    public async Task<byte[]> LoadAsync(CancellationToken ct = default)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_master is not null) return _master;
            var protector = dataProtection.CreateProtector("Khilafat.Web.SiteKeys");
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var stored = await StoredAsync(db, ct);
            if (stored is null)
            {
                // Protected before the write: protecting may make Data Protection's first key, which it stores through a
                // context of its own, and a second context may not write inside this one's write.
                var made = Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(32)));
                // Another instance may make it at the same time: the write then runs again and finds theirs.
                stored = await db.WriteAsync(async c =>
                {
                    if (await StoredAsync(db, c) is { } theirs) return theirs;
                    db.Settings.Add(new SiteSetting { Key = SettingKeys.SiteKey, Value = made });
                    return made;
                }, ct);
            }
            return _master = protector.Unprotect(Convert.FromBase64String(stored));
        }
        finally
        {
            _loading.Release();
        }
    }

    private static Task<string?> StoredAsync(SiteDbContext db, CancellationToken ct) =>
        db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.SiteKey).Select(s => s.Value).SingleOrDefaultAsync(ct);

    /// <summary>A random token of 256 bits for a link, and the hash to store in its place.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, HashToken(token));
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
