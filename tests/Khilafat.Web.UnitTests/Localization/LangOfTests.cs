using Khilafat.Web.Localization;

namespace Khilafat.Web.UnitTests.Localization;

/// <summary>Which lang a text typed once for every language takes on a page: English when it is in Latin letters on an Arabic or Urdu page.</summary>
public class LangOfTests
{
    [Theory]
    [InlineData("ar", "The UN Security Council", "en")]
    [InlineData("ur", "Frere Hall, Karachi", "en")]
    [InlineData("ar", "مجلس الأمن", null)]
    [InlineData("ur", "فریئر ہال، کراچی", null)]
    [InlineData("ar", "Hyde Park، لندن", null)]
    [InlineData("ar", "10 Downing St.", "en")]
    [InlineData("ar", "2026", null)]
    [InlineData("en", "The UN Security Council", null)]
    [InlineData("ar", "", null)]
    public void LatinLettersOnAnArabicOrUrduPage_AreEnglish(string page, string text, string? lang) =>
        Assert.Equal(lang, SiteCultures.In(page, () => SiteCultures.LangOf(text)));
}
