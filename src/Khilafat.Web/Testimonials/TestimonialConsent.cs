namespace Khilafat.Web.Testimonials;

/// <summary>The consent shown beside the submission form's checkbox; its version is stored with every testimonial.</summary>
public static class TestimonialConsent
{
    public const string Version = "testimonial-2026-11";

    public const string Text =
        "I agree that the Khilafat Movement may publish my words, my display name and my place on its web site. " +
        "I can ask for them to be taken down at any time.";
}
