using System.Security.Cryptography;
using System.Text;
using Khilafat.Web.Data;
using Khilafat.Web.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Accounts;

/// <summary>
/// The one-time secret in the first-run link (/setup?token=...). It is kept in the database, protected with Data
/// Protection (whose keys are there too), so that with several instances every one logs the same link and accepts it
/// wherever the load balancer sends the visitor, and it is claimed there, so that one submission alone creates the
/// first admin. It is made at start when there are no accounts, and gone once the first admin exists.
/// </summary>
public sealed class SetupToken(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Khilafat.Web.SetupToken");
    private volatile string? _value;
    private string? _claimed;

    /// <summary>The token this instance issued or found at start, or null once setup is closed here.</summary>
    public string? Value => _value;

    /// <summary>The current token, made now unless another instance (or an earlier start) made one that is still unused.</summary>
    public async Task<string> IssueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        if (await StoredAsync(db, ct) is { } stored) return _value = stored;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var protectedToken = _protector.Protect(token);
        // Another instance may have made one meanwhile: then theirs is the one.
        return _value = await db.WriteAsync(async c =>
        {
            if (await StoredAsync(db, c) is { } theirs) return theirs;
            db.Settings.Add(new SiteSetting { Key = SettingKeys.SetupToken, Value = protectedToken });
            return token;
        }, ct);
    }

    /// <summary>True when <paramref name="candidate"/> is the current token (compared in constant time).</summary>
    public async Task<bool> MatchesAsync(string? candidate, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(candidate)) return false;
        await using var scope = scopes.CreateAsyncScope();
        return Same(await StoredAsync(scope.ServiceProvider.GetRequiredService<SiteDbContext>(), ct), candidate);
    }

    /// <summary>
    /// Takes the token for one request, on whichever instance, so two submissions cannot both create a first admin.
    /// Give it back with <see cref="RestoreAsync"/> if creating fails.
    /// </summary>
    public async Task<bool> TryClaimAsync(string? candidate, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(candidate)) return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == SettingKeys.SetupToken, ct);
        if (row is null || !Same(Unprotect(row.Value), candidate)) return false;
        // Whoever deletes the row has it.
        if (await db.WriteAsync(c => db.Settings.Where(s => s.Key == SettingKeys.SetupToken && s.Value == row.Value).ExecuteDeleteAsync(c), ct) != 1) return false;
        _claimed = row.Value;
        _value = null;
        return true;
    }

    public async Task RestoreAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _claimed, null) is not { } claimed) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        await db.WriteAsync(_ =>
        {
            db.Settings.Add(new SiteSetting { Key = SettingKeys.SetupToken, Value = claimed });
            return Task.CompletedTask;
        }, ct);
        _value = Unprotect(claimed);
    }

    /// <summary>Setup is over (the first admin exists): the link works nowhere any more.</summary>
    public async Task CloseAsync(CancellationToken ct = default)
    {
        _value = _claimed = null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        await db.WriteAsync(c => db.Settings.Where(s => s.Key == SettingKeys.SetupToken).ExecuteDeleteAsync(c), ct);
    }

    private async Task<string?> StoredAsync(SiteDbContext db, CancellationToken ct) =>
        await db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.SetupToken).Select(s => s.Value).SingleOrDefaultAsync(ct) is { } stored ? Unprotect(stored) : null;

    private string? Unprotect(string stored)
    {
        try { return _protector.Unprotect(stored); }
        catch (CryptographicException) { return null; }
    }

    private static bool Same(string? expected, string candidate) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(candidate));
}
