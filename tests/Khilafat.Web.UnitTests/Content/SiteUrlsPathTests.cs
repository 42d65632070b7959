using Khilafat.Web.Content;

namespace Khilafat.Web.UnitTests.Content;

/// <summary>The paths emails link to: in the reader's language where the page has one, English otherwise.</summary>
public class SiteUrlsPathTests
{
    [Theory]
    [InlineData("en", "/join/confirm?token=t1")]
    [InlineData("ar", "/ar/join/confirm?token=t1")]
    public void ConfirmSubscriptionPath_IsInTheSubscribersLanguage(string culture, string expected) =>
        Assert.Equal(expected, SiteUrls.ConfirmSubscriptionPath(culture, "t1"));

    [Fact]
    public void UnsubscribeLinks_PageInTheLanguage_OneClickWithout()
    {
        Assert.Equal("/ur/unsubscribe?token=t2", SiteUrls.UnsubscribePath("ur", "t2"));
        Assert.Equal("/unsubscribe/one-click?token=t2", SiteUrls.OneClickUnsubscribePath("t2"));
    }

    [Fact]
    public void TestimonialLinks_AreInTheSubmittersLanguage()
    {
        Assert.Equal("/ar/testimonials", SiteUrls.TestimonialsPath("ar"));
        Assert.Equal("/testimonials/withdraw?token=t3", SiteUrls.WithdrawTestimonialPath("en", "t3"));
    }

    [Fact]
    public void ResetPasswordPath_EscapesTheUserId() =>
        Assert.Equal("/account/reset-password?user=a%2Bb&code=c4", SiteUrls.ResetPasswordPath("a+b", "c4"));

    [Theory]
    [InlineData("/statement", "/ar/statement")]
    [InlineData("/statement?x=1#calls", "/ar/statement?x=1#calls")]
    [InlineData("/", "/ar")]
    [InlineData("/#join", "/ar#join")]
    [InlineData("/events/feed.ics", "/ar/events/feed.ics")]
    [InlineData("/ur/faq", "/ur/faq")]
    [InlineData("/ar", "/ar")]
    [InlineData("/arabic-voices", "/ar/arabic-voices")]
    [InlineData("/media/map.pdf", "/media/map.pdf")]
    [InlineData("/Admin/pages", "/Admin/pages")]
    [InlineData("/sitemap.xml", "/sitemap.xml")]
    [InlineData("//host/statement", "//host/statement")]
    [InlineData("https://example.org/statement", "https://example.org/statement")]
    [InlineData("mailto:info@example.org", "mailto:info@example.org")]
    public void ALinkToThisSite_IsInTheReadersLanguage_WhereThatHasAnAddress(string written, string arabic)
    {
        Assert.Equal(arabic, SiteUrls.InLanguage(written, "ar"));
        Assert.Equal(written, SiteUrls.InLanguage(written, "en"));
    }
}
