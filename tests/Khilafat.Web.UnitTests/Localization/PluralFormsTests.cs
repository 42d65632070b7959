using Khilafat.Web.Localization;

namespace Khilafat.Web.UnitTests.Localization;

/// <summary>Which form a count takes: Arabic's dual of 2, its plural of 3 to 10 and its form for 11 to 99 (CLDR), else the resource's own.</summary>
public class PluralFormsTests
{
    [Theory]
    [InlineData("ar", 0, null)]
    [InlineData("ar", 1, null)]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 3, "few")]
    [InlineData("ar", 4, "few")]
    [InlineData("ar", 10, "few")]
    [InlineData("ar", 11, "many")]
    [InlineData("ar", 99, "many")]
    [InlineData("ar", 100, null)]
    [InlineData("ar", 102, null)]
    [InlineData("ar", 103, "few")]
    [InlineData("ar", 1_011, "many")]
    [InlineData("en", 2, null)]
    [InlineData("en", 4, null)]
    [InlineData("ur", 11, null)]
    public void ArabicCounts_TakeTheirForm_OtherLanguagesTheirOne(string language, int count, string? form) =>
        Assert.Equal(form, PluralForms.Form(language, count));
}
