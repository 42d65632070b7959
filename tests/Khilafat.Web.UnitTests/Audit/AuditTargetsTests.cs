using Khilafat.Web.Audit;

namespace Khilafat.Web.UnitTests.Audit;

// The targets are stored and searched (the audit page, the sign-in throttle), so their shapes are pinned here.
public class AuditTargetsTests
{
    [Theory]
    [InlineData("en", "page:statement")]
    [InlineData("ar", "page:statement:ar")]
    public void Page_NamesTheSlugAndAnyTranslation(string culture, string expected) =>
        Assert.Equal(expected, AuditTargets.Page("statement", culture));

    [Fact]
    public void Faq_NamesTheAnchor() => Assert.Equal("faq:how-can-i-help:ur", AuditTargets.Faq("how-can-i-help", "ur"));

    [Fact]
    public void Records_AreNamedByNumber()
    {
        Assert.Equal("testimonial:#7", AuditTargets.Testimonial(7));
        Assert.Equal("subscriber:#8", AuditTargets.Subscriber(8));
        Assert.Equal("outbox:#9", AuditTargets.Outbox(9));
        Assert.Equal("outbox", AuditTargets.Outbox(null));
    }

    [Fact]
    public void Account_IsNamedByEmail() => Assert.Equal("user:editor@example.org", AuditTargets.Account("editor@example.org"));

    [Fact]
    public void ClientAddress_SaysUnknownWhenThereIsNone()
    {
        Assert.Equal("ip:abc", AuditTargets.ClientAddress("abc"));
        Assert.Equal("ip:unknown", AuditTargets.ClientAddress(null));
    }
}
