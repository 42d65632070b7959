namespace Khilafat.Web.Options;

/// <summary>
/// How many form submissions one IP address may make, per form, before it gets a 429 page. Section "RateLimits".
/// GETs are never limited. Each limit counts within a sliding window of <see cref="Window"/>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>The window the limits count in. Default 10 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sign-in, two-factor, password and setup submissions per window. Default 20.</summary>
    public int SignIn { get; set; } = 20;

    /// <summary>Testimonial submissions per window. Default 5.</summary>
    public int Testimonials { get; set; } = 5;

    /// <summary>Mailing-list sign-ups per window. Default 10.</summary>
    public int SignUps { get; set; } = 10;

    /// <summary>Confirm and unsubscribe submissions per window. Default 30.</summary>
    public int Links { get; set; } = 30;

    /// <summary>Event RSVPs per window. Default 10.</summary>
    public int Rsvps { get; set; } = 10;
    /// <summary>Petition signatures per window, all petitions together. Default 10.</summary>
    public int Petitions { get; set; } = 10;
}
