namespace Khilafat.Web.Settings;

/// <summary>The keys of the rows in the Settings table. Stored, so never rename one.</summary>
public static class SettingKeys
{
    /// <summary>"true" when Admins must use two-factor sign-in.</summary>
    public const string RequireAdminTwoFactor = "security:require-admin-2fa";

    /// <summary>The words that send a testimonial to spam, one a line; absent means the built-in list.</summary>
    public const string TestimonialBlocklist = "testimonials:blocklist";

    /// <summary>How many subscribers have been erased, for the list's statistics.</summary>
    public const string ErasedSubscriberCount = "mailing-list:erased-count";

    /// <summary>The site's HMAC key (hashed client addresses, signed links), protected at rest.</summary>
    public const string SiteKey = "secret:hmac-key";

    /// <summary>The one-time token that creates the first Admin account.</summary>
    public const string SetupToken = "setup:token";

    /// <summary>When the starting pages and FAQ were written, so they are written once.</summary>
    public const string ContentSeeded = "seed:content";

    /// <summary>When the sample testimonials were written, so they are written once.</summary>
    public const string TestimonialsSeeded = "seed:testimonials";

    /// <summary>When the privacy notice and the relief criteria ("how we choose") pages were written, so they are written once.</summary>
    public const string ActPagesSeeded = "seed:act-pages";

    /// <summary>When the Arabic and Urdu translations of the home page, statement, history and FAQ were written, so they are written once.</summary>
    public const string TranslationsSeeded = "seed:translations";

    /// <summary>When the Arabic and Urdu translations of the privacy notice were written, so they are written once.</summary>
    public const string PrivacyTranslationsSeeded = "seed:privacy-translations";

    /// <summary>When the header and footer menus were first written from the built-in defaults, so they are written once.</summary>
    public const string MenusSeeded = "seed:menus";
    /// <summary>"true" when the public site shows testimonials' star ratings; by default they are for moderation only.</summary>
    public const string ShowTestimonialRatings = "testimonials:show-ratings";
}
