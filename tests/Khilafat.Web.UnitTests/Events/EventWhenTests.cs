using Khilafat.Web.Events;

namespace Khilafat.Web.UnitTests.Events;

/// <summary>An event's time in an email: the day, month and comma of the attendee's language, the zone as it is where it happens.</summary>
public class EventWhenTests
{
    private static readonly Event Vigil = new()
    {
        Slug = "vigil", TimeZone = "Asia/Karachi",
        StartsAt = new DateTime(2026, 12, 4, 13, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc),
    };

    [Theory]
    [InlineData("en", "Friday 4 December 2026, 18:00 – 20:00 (Asia/Karachi, UTC+05:00)")]
    [InlineData("ar", "الجمعة 4 ديسمبر 2026، 18:00 – 20:00 (Asia/Karachi، UTC+05:00)")]
    [InlineData("ur", "جمعہ 4 دسمبر 2026، 18:00 – 20:00 (Asia/Karachi، UTC+05:00)")]
    public void TheTime_IsWrittenInTheAttendeesLanguage_WithItsComma(string culture, string expected) =>
        Assert.Equal(expected, EventEmails.When(Vigil, culture));
}
