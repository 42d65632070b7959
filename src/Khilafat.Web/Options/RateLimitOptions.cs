namespace Khilafat.Web.Options;

/// <summary>
/// How many form submissions one IP address may make, per form, before it is refused with a 429. Section "RateLimits".
/// GETs are never limited. Each per-IP limit counts within a sliding window of <see cref="Window"/>. The public forms
/// (join, testimonials, petitions, RSVPs) count only submissions that passed validation, and also count per email
/// address (<see cref="PerEmail"/>), so their per-IP limits can be high enough for many people on one shared address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>The window the limits count in. Default 10 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sign-in, two-factor, password and setup submissions per window. Default 20.</summary>
    public int SignIn { get; set; } = 20;

    /// <summary>
    /// Testimonial submissions per window. Default 60: a vigil on shared Wi-Fi or a carrier's shared address is many
    /// people behind one IP.
    /// </summary>
    public int Testimonials { get; set; } = 60;

    /// <summary>Mailing-list sign-ups per window. Default 60 (one shared address, many people).</summary>
    public int SignUps { get; set; } = 60;

    /// <summary>
    /// Confirm, unsubscribe and withdraw submissions per window. Default 240: each of the people the public forms take
    /// from one shared address (60 each for sign-ups, signatures, RSVPs and testimonials) presses one emailed link, and
    /// a 31st person at a vigil refused their confirmation may never come back. Each link carries its own signed token.
    /// </summary>
    public int Links { get; set; } = 240;

    /// <summary>Event RSVPs per window. Default 60 (one shared address, many people).</summary>
    public int Rsvps { get; set; } = 60;

    /// <summary>Petition signatures per window, all petitions together. Default 60 (one shared address, many people).</summary>
    public int Petitions { get; set; } = 60;

    /// <summary>
    /// Submissions of one public form with one email address per <see cref="PerEmailWindow"/>, whatever the network,
    /// so that one person cannot flood a form from a shared address. Default 5.
    /// </summary>
    public int PerEmail { get; set; } = 5;

    /// <summary>The window <see cref="PerEmail"/> counts in. Default 1 hour.</summary>
    public TimeSpan PerEmailWindow { get; set; } = TimeSpan.FromHours(1);
}
