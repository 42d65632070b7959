using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>Emailing updates to the mailing list. Section "Sending".</summary>
public sealed class SendingOptions
{
    public const string Section = "Sending";

    /// <summary>The most list messages sent per second, across all instances; 0 for no limit. Default 10.</summary>
    [Range(0, 100_000)]
    public int PerSecond { get; set; } = 10;

    /// <summary>The most list messages sent per hour, across all instances (a mail provider's quota); 0 for no limit. Default 0.</summary>
    [Range(0, 100_000_000)]
    public int PerHour { get; set; }

    /// <summary>
    /// The movement's postal or contact address, printed at the foot of every list message (anti-spam laws such as
    /// CAN-SPAM ask for one). Default: none, and then the foot names the site's address instead.
    /// </summary>
    [StringLength(300)]
    public string? PostalAddress { get; set; }

    /// <summary>Subscribers queued per expansion run: one transaction, and what is in memory at once. Default 1,000.</summary>
    [Range(10, 50_000)]
    public int ExpansionBatch { get; set; } = 1000;
}
