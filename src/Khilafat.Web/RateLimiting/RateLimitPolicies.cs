namespace Khilafat.Web.RateLimiting;

/// <summary>
/// The rate-limit policies pages and endpoints name (per IP, on POSTs only; see Startup/RateLimits.cs for the limits
/// and where they are counted).
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Testimonials = "testimonials";
    public const string SignUps = "sign-ups";
    public const string Links = "links";
    public const string Rsvps = "rsvps";
    public const string Petitions = "petitions";
}
