using Khilafat.Web.Localization;

namespace Khilafat.Web.UnitTests.Localization;

/// <summary>Times entered in the site's zone and the UTC they are stored as, across the clocks' changes.</summary>
public class SiteTimeZoneTests
{
    private static TimeZoneInfo Zone(string name) => SiteTimeZone.Find(name) ?? throw new InvalidOperationException(name + " is not installed");

    [Fact]
    public void NineInKarachi_IsFourUtc_AndBack()
    {
        var karachi = Zone("Asia/Karachi");
        var utc = SiteTimeZone.ToUtc(new DateTime(2027, 1, 15, 9, 0, 0), karachi);

        Assert.Equal(new DateTime(2027, 1, 15, 4, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(new DateTime(2027, 1, 15, 9, 0, 0), SiteTimeZone.ToLocal(utc!.Value, karachi));
    }

    [Fact]
    public void ATimeTheClocksSkip_DoesNotExist()
    {
        // London's clocks went from 01:00 to 02:00 on 29 March 2026.
        Assert.Null(SiteTimeZone.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0), Zone("Europe/London")));
    }

    [Fact]
    public void ATimeThatHappensTwice_IsTheFirst()
    {
        // London's clocks went from 02:00 back to 01:00 on 25 October 2026: 01:30 came first in summer time (UTC+1).
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), SiteTimeZone.ToUtc(new DateTime(2026, 10, 25, 1, 30, 0), Zone("Europe/London")));
    }

    [Theory]
    [InlineData("UTC", true)]
    [InlineData("Asia/Karachi", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyKnownNames_AreZones(string? name, bool known) => Assert.Equal(known, SiteTimeZone.Find(name) is not null);
}
