using System.Security.Cryptography;

namespace Khilafat.Web.Accounts;

/// <summary>
/// The one-time secret in the first-run link (/setup?token=...). It lives only in memory: made at start when there
/// are no accounts, gone once the first admin exists or the app restarts.
/// </summary>
public sealed class SetupToken
{
    private string? _value;
    private readonly Lock _lock = new();

    /// <summary>The current token, or null when setup is closed.</summary>
    public string? Value
    {
        get { lock (_lock) return _value; }
    }

    public string Issue()
    {
        lock (_lock) return _value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    }

    /// <summary>True when <paramref name="candidate"/> is the current token (compared in constant time).</summary>
    public bool Matches(string? candidate)
    {
        var value = Value;
        return value is not null && candidate is not null
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(value), System.Text.Encoding.UTF8.GetBytes(candidate));
    }

    /// <summary>Takes the token for one request, so two submissions cannot both create a first admin. Give it back with <see cref="Restore"/> if creating fails.</summary>
    public bool TryClaim(string? candidate)
    {
        lock (_lock)
        {
            if (!Matches(candidate)) return false;
            _claimed = _value;
            _value = null;
            return true;
        }
    }

    public void Restore()
    {
        lock (_lock)
        {
            _value ??= _claimed;
            _claimed = null;
        }
    }

    public void Close()
    {
        lock (_lock) _value = _claimed = null;
    }

    private string? _claimed;
}
