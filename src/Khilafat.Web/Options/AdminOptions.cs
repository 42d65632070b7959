namespace Khilafat.Web.Options;

/// <summary>
/// The first admin, for automated deployments. Section "Admin". When both are set and no account exists yet, this
/// admin is created at start-up; an existing account is never changed. Supply them as environment variables
/// (Admin__Email, Admin__Password) or user secrets, never in appsettings.json.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The first admin's email. Default: none (the app logs a one-time /setup link instead).</summary>
    public string? Email { get; set; }

    /// <summary>The first admin's password, at least 12 characters. Default: none.</summary>
    public string? Password { get; set; }
}

/// <summary>Account security. Section "Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Whether cookies are marked Secure (sent over HTTPS only). Default: true outside Development. Leave it on in
    /// production; the site behind a TLS-terminating proxy still works, as browsers see HTTPS.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>How long an emailed or shown password link works. Default 3 days.</summary>
    public TimeSpan PasswordLinkLifetime { get; set; } = TimeSpan.FromDays(3);
}
