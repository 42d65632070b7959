using Khilafat.Web.MailingList;

namespace Khilafat.Web.UnitTests.MailingList;

public class ConsentAttestationTests
{
    // 23:30 UTC on 3 December: already 4 December east of UTC+0:30, up to 13:30 on the 4th in UTC+14 (Kiribati).
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 3, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 12, 3)]
    [InlineData(2026, 12, 4)]
    [InlineData(2020, 2, 29)]
    public void ADateThatHasBegunSomewhere_IsAccepted(int year, int month, int day) =>
        Assert.Empty(ConsentAttestation.Check("At the vigil", new DateOnly(year, month, day), LateEvening));

    [Fact]
    public void ADateNotYetBegunAnywhere_IsInTheFuture() =>
        Assert.Equal("The date cannot be in the future.", ConsentAttestation.Check("At the vigil", new DateOnly(2026, 12, 5), LateEvening)["GivenOn"]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void NoAttestation_IsAskedFor(string? text) =>
        Assert.Equal("Say where and how these people gave their consent.", ConsentAttestation.Check(text, new DateOnly(2026, 1, 1), LateEvening)["Text"]);

    [Fact]
    public void FiveHundredCharacters_AfterTrimming_AreAllowed_AndOneMoreIsNot()
    {
        Assert.Empty(ConsentAttestation.Check("  " + new string('ب', 500) + "  ", new DateOnly(2026, 1, 1), LateEvening));
        Assert.Equal("Write at most 500 characters.", ConsentAttestation.Check(new string('x', 501), new DateOnly(2026, 1, 1), LateEvening)["Text"]);
    }

    [Fact]
    public void NoDate_IsAskedFor() =>
        Assert.Equal("Enter the date the consent was given.", ConsentAttestation.Check("At the vigil", null, LateEvening)["GivenOn"]);
}
