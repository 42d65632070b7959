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
}
