using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>
/// Outgoing email. Section "Email". Messages go to <see cref="PickupDirectory"/> as .eml files when it is set (the
/// Development default), else over SMTP to <see cref="SmtpOptions.Host"/>. With neither, messages wait in the outbox.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>
    /// The sender, as "Name &lt;address&gt;" or an address. Default "Khilafat Movement &lt;no-reply@<i>host</i>&gt;", the
    /// host of <see cref="SiteOptions.PublicUrl"/> (localhost without one): mail from a domain that is not the site's
    /// fails the receivers' SPF and DMARC checks.
    /// </summary>
    [Required]
    public string From { get; set; } = "";

    /// <summary>
    /// Where replies go (Reply-To), as an address or "Name &lt;address&gt;". Default <see cref="SiteOptions.ContactEmail"/>,
    /// so a reader who answers an email reaches a person rather than the sender's no-reply box; none without it.
    /// </summary>
    public string? ReplyTo { get; set; }

    /// <summary>The sender when <see cref="From"/> is not set.</summary>
    public static string DefaultFrom(string? publicUrl) =>
        $"Khilafat Movement <no-reply@{(Uri.TryCreate(publicUrl, UriKind.Absolute, out var url) && url.HostNameType == UriHostNameType.Dns ? url.IdnHost : "localhost")}>";

    /// <summary>A folder to write messages into as .eml files instead of sending them; relative to the content root. Default: none.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How many times delivery is tried before a message is marked failed. Default 8.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed try; each later wait doubles, up to an hour. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the sender looks for due messages when nothing wakes it. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a sender's claim on a message lasts (renewed as it starts each delivery). When an instance dies with
    /// messages claimed, another sends them once this has passed. It must be longer than a delivery may take
    /// (<see cref="SmtpOptions.Timeout"/> and 5 seconds more). Default 2 minutes.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server. Default: none.</summary>
    public string? Host { get; set; }

    /// <summary>Default 587.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Default: none (no authentication).</summary>
    public string? Username { get; set; }

    /// <summary>Supply it as an environment variable (Email__Smtp__Password) or a user secret, never in appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS (required when true). Default true. With false the connection is plain, for a local relay.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>How long one delivery may take. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
