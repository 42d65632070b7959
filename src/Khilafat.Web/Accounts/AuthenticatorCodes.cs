using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Accounts;

/// <summary>
/// The codes authenticator apps show (RFC 6238: HMAC-SHA1 over 30-second time steps, 6 digits), each accepted once:
/// a code seen over someone's shoulder, or replayed from a captured request, must not sign in a second time within
/// its window (RFC 6238, section 5.2).
/// </summary>
public static class AuthenticatorCodes
{
    /// <summary>Time steps either side of now whose codes are accepted, as Identity's own provider does: phones' clocks drift, and people type slowly.</summary>
    private const int Tolerance = 2;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / 30;

    /// <summary>The time step whose code <paramref name="code"/> is, near <paramref name="now"/>; null when it is none of them.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        code = code.Replace(" ", "").Replace("-", "");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32Decode(base32Key) is not { Length: > 0 } key) return null;
        var current = StepAt(now);
        long? match = null;
        // Every candidate is compared, in constant time, so the answer's timing does not tell which step was near.
        for (var step = current - Tolerance; step <= current + Tolerance; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(key, step)), Encoding.ASCII.GetBytes(code))) match ??= step;
        }
        return match;
    }

    private static string Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[]? Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.Replace(" ", "").TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return output.ToArray();
    }
}

/// <summary>
/// Identity's "Authenticator" token provider (the sign-in step and every other code check go through it), accepting
/// each code once: the last time step accepted is kept per account in Identity's own token table, and a code of that
/// step or an earlier one is refused. The check-and-record is one conditional UPDATE, so two requests racing with one
/// code cannot both pass, on any instance.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(SiteDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<SiteUser>
{
    public const string LoginProvider = "[Khilafat]";
    public const string LastStepName = "AuthenticatorLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SiteUser> manager, SiteUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app makes the codes; the site never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<SiteUser> manager, SiteUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SiteUser> manager, SiteUser user) =>
        await manager.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key && await TryUseAsync(user.Id, key, token);

    /// <summary>True, once, for a current code of <paramref name="key"/> newer than the last one this account used.</summary>
    public async Task<bool> TryUseAsync(string userId, string key, string code)
    {
        if (AuthenticatorCodes.MatchingStep(key, code, clock.GetUtcNow()) is not { } step) return false;
        // Fixed width, so that comparing the stored text compares the numbers, in SQL, on both providers.
        var value = step.ToString("D20", CultureInfo.InvariantCulture);
        var tokens = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == LastStepName);
        if (await tokens.Where(t => string.Compare(t.Value, value) < 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value)) == 1) return true;
        if (await tokens.AnyAsync()) return false;
        var first = new IdentityUserToken<string> { UserId = userId, LoginProvider = LoginProvider, Name = LastStepName, Value = value };
        db.UserTokens.Add(first);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request recorded a code for this account at the same moment: this one loses.
            db.Entry(first).State = EntityState.Detached;
            return false;
        }
    }
}
