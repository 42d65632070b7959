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

    /// <summary>
    /// Failed sign-ins one network address may make in 15 minutes before its further tries are refused unchecked,
    /// whatever the email. Default 5: fewer than <see cref="LockoutAfterFailures"/>, so that a stranger on one address
    /// cannot lock an account's owner out.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int SignInFailuresPerAddress { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins (from any addresses) after which an account is locked for 15 minutes, against guessing spread
    /// over many addresses. Default 10. The sign-in page says the same for a locked account as for a wrong password.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int LockoutAfterFailures { get; set; } = 10;
}
