using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.DataProtection;

namespace Khilafat.Web.UnitTests.Testimonials;

/// <summary>What marks a testimonial as sent by a program: the honeypot, the form stamp, the time taken to fill the form.</summary>
public class RobotCheckTests
{
    private static readonly DateTime Served = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
    private readonly IDataProtector _stamps = new EphemeralDataProtectionProvider().CreateProtector("unit-test-form-stamps");

    private string? Check(string? honeypot, string? stamp, TimeSpan fillTime) => SpamCheck.RobotReason(honeypot, stamp, _stamps, Served + fillTime);

    [Fact]
    public void AFormFilledInLikeAPerson_IsNotARobot()
    {
        Assert.Null(Check(null, SpamCheck.NewFormStamp(_stamps, Served), TimeSpan.FromSeconds(40)));
        Assert.Null(Check("", SpamCheck.NewFormStamp(_stamps, Served), SpamCheck.MaximumFillTime));
    }

    [Fact]
    public void AStampOlderThanTheMaximumFillTime_IsAReplayedForm()
    {
        var stamp = SpamCheck.NewFormStamp(_stamps, Served);

        Assert.Equal("form stamp expired", Check(null, stamp, SpamCheck.MaximumFillTime + TimeSpan.FromTicks(1)));
        Assert.Equal("form stamp expired", Check(null, stamp, TimeSpan.FromDays(2)));
    }

    [Fact]
    public void TheMinimumFillTime_IsEnough_AndATickLessIsTooFast()
    {
        var stamp = SpamCheck.NewFormStamp(_stamps, Served);

        Assert.Null(Check(null, stamp, SpamCheck.MinimumFillTime));
        Assert.Equal("posted too fast", Check(null, stamp, SpamCheck.MinimumFillTime - TimeSpan.FromTicks(1)));
        Assert.Equal("posted too fast", Check(null, stamp, TimeSpan.Zero));
    }

    [Fact]
    public void AStampFromTheFuture_IsTooFast()
    {
        Assert.Equal("posted too fast", Check(null, SpamCheck.NewFormStamp(_stamps, Served + TimeSpan.FromMinutes(5)), TimeSpan.Zero));
    }

    [Theory]
    [InlineData("https://example.org")]
    [InlineData(" ")]
    [InlineData("متجر")]
    public void AnythingInTheHoneypot_IsARobot_WhateverTheStamp(string honeypot)
    {
        Assert.Equal("honeypot filled in", Check(honeypot, SpamCheck.NewFormStamp(_stamps, Served), TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("638999999999999999")]
    [InlineData("not a stamp at all")]
    public void AMissingOrHandMadeStamp_IsARobot(string? stamp)
    {
        Assert.Equal("form stamp missing or forged", Check(null, stamp, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void AStampMadeWithAnotherKey_IsForged()
    {
        var otherSite = new EphemeralDataProtectionProvider().CreateProtector("unit-test-form-stamps");

        Assert.Equal("form stamp missing or forged", Check(null, SpamCheck.NewFormStamp(otherSite, Served), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void AProtectedTextThatIsNotATime_IsForged()
    {
        Assert.Equal("form stamp missing or forged", Check(null, _stamps.Protect("yesterday"), TimeSpan.FromMinutes(1)));
    }
}
