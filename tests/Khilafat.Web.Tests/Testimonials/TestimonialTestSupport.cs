using Khilafat.Web.Data;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Testimonials;

internal static class TestimonialTestSupport
{
    /// <summary>Turns the public star ratings on or off as the settings page does, and empties the public pages' cache.</summary>
    public static Task ShowTestimonialRatingsAsync(this SiteFactory factory, bool show) =>
        factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Khilafat.Web.Settings.SiteSettingsStore>().SetShowTestimonialRatingsAsync(show, new Khilafat.Web.Audit.Actor(null, "test"));
            await Khilafat.Web.Content.OutputCacheTags.EvictPublicAsync(sp.GetRequiredService<IOutputCacheStore>());
        });

    /// <summary>Fills in /testimonials/share as a person would (taking some seconds over it) and sends it.</summary>
    public static async Task<HttpResponseMessage> ShareAsync(this SiteFactory factory, HttpClient client, IDictionary<string, string> values, TimeSpan? fillTime = null)
    {
        var page = await client.GetDocumentAsync("/testimonials/share");
        factory.Clock.Advance(fillTime ?? TimeSpan.FromSeconds(20));
        return await client.SubmitAsync(page.Form(), "/testimonials/share", values);
    }

    public static Dictionary<string, string> Valid(string name, string text = "The movement taught me that compassion is a form of strength.", int rating = 5) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Place"] = "Lahore",
        ["Input.Rating"] = rating.ToString(),
        ["Input.Text"] = text,
        ["Input.Consent"] = "true",
    };

    public static Task<Testimonial?> FindAsync(this SiteFactory factory, string displayName) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.AsNoTracking().SingleOrDefaultAsync(t => t.DisplayName == displayName));

    /// <summary>Adds a testimonial straight to the database, for tests about showing and moderating rather than submitting.</summary>
    public static Task<int> AddAsync(this SiteFactory factory, string name, TestimonialStatus status, bool featured = false, string? text = null, DateTime? submittedAt = null,
        string? place = null, string language = "en") =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var testimonial = new Testimonial
            {
                DisplayName = name, Place = place, Language = language, Rating = 4, OriginalText = text ?? $"Words from {name}, long enough to be a testimonial.",
                Status = status, IsFeatured = featured, SubmittedAt = submittedAt ?? factory.Clock.GetUtcNow().UtcDateTime,
                ConsentVersion = TestimonialConsent.Version, ConsentText = TestimonialConsent.Text, ConsentGivenAt = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.Testimonials.Add(testimonial);
            await db.SaveChangesAsync();
            // Written behind the site's back: tell the output cache, as the site's own services do.
            await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync("public", default);
            return testimonial.Id;
        });
}
