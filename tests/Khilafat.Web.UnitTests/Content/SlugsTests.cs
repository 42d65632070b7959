using System.Text;
using Khilafat.Web.Content;

namespace Khilafat.Web.UnitTests.Content;

/// <summary>Page slugs (the address an editor gives a page) and FAQ anchors made from questions.</summary>
public class SlugsTests
{
    [Theory]
    [InlineData("statement")]
    [InlineData("our-work")]
    [InlineData("relief-2026")]
    [InlineData("a")]
    [InlineData("7")]
    public void IsWellFormed_AcceptsLowercaseLettersDigitsAndSingleHyphens(string slug)
    {
        Assert.True(Slugs.IsWellFormed(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Our-Work")]
    [InlineData("our work")]
    [InlineData("our--work")]
    [InlineData("-our-work")]
    [InlineData("our-work-")]
    [InlineData("our_work")]
    [InlineData("our/work")]
    [InlineData("../admin")]
    [InlineData("café")]
    [InlineData("العدالة")]
    [InlineData("انصاف")]
    [InlineData("１２３")]
    [InlineData("our-work\n")]
    [InlineData("our-work\r\n")]
    [InlineData("\nour-work")]
    public void IsWellFormed_RefusesAnythingElse(string? slug)
    {
        Assert.False(Slugs.IsWellFormed(slug));
    }

    [Fact]
    public void IsWellFormed_AllowsTheMaximumLength_AndNoMore()
    {
        Assert.True(Slugs.IsWellFormed(new string('a', Page.SlugMaxLength)));
        Assert.False(Slugs.IsWellFormed(new string('a', Page.SlugMaxLength + 1)));
    }

    [Theory]
    [InlineData("How can I join?", "how-can-i-join")]
    [InlineData("  What is   the movement's aim?  ", "what-is-the-movement-s-aim")]
    [InlineData("Is it non-violent -- always?", "is-it-non-violent-always")]
    [InlineData("2026: what next?", "2026-what-next")]
    [InlineData("Où est la réunion ?", "ou-est-la-reunion")]
    [InlineData("ÇA ÉTÉ", "ca-ete")]
    public void FromText_LowercasesDropsAccentsAndJoinsWordsWithSingleHyphens(string text, string slug)
    {
        Assert.Equal(slug, Slugs.FromText(text));
        Assert.True(Slugs.IsWellFormed(Slugs.FromText(text)));
    }

    [Fact]
    public void FromText_GivesTheSameSlug_ForNfcAndNfdSpellings()
    {
        var composed = "Réfugiés et secours".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);

        Assert.Equal("refugies-et-secours", Slugs.FromText(composed));
        Assert.Equal(Slugs.FromText(composed), Slugs.FromText(decomposed));
    }

    [Theory]
    [InlineData("كيف يمكنني الانضمام؟")]
    [InlineData("میں کیسے شامل ہو سکتا ہوں؟")]
    [InlineData("")]
    [InlineData("?!…")]
    public void FromText_OfTextWithoutLatinLettersOrDigits_IsEmpty_WhichIsNotAWellFormedAnchor(string text)
    {
        Assert.Equal("", Slugs.FromText(text));
        Assert.False(Slugs.IsWellFormed(Slugs.FromText(text)));
    }

    [Fact]
    public void FromText_OfMixedArabicAndLatin_KeepsTheLatinWords()
    {
        Assert.Equal("faq-2026", Slugs.FromText("FAQ الأسئلة 2026"));
    }

    [Fact]
    public void FromText_OfAVeryLongQuestion_IsCutToTheMaximum_WithoutATrailingHyphen()
    {
        // Words of four letters and a hyphen: a cut at 100 characters falls right after a hyphen.
        var question = string.Join(" ", Enumerable.Repeat("word", 500)) + "?";

        var slug = Slugs.FromText(question);

        Assert.True(slug.Length <= FaqEntry.AnchorMaxLength, $"{slug.Length} characters");
        Assert.False(slug.EndsWith('-'));
        Assert.True(Slugs.IsWellFormed(slug));
    }

    [Fact]
    public void FromText_HonoursAShorterMaximum()
    {
        Assert.Equal("how-can", Slugs.FromText("How can I join?", maxLength: 8));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("ar")]
    [InlineData("ur")]
    [InlineData("join")]
    [InlineData("sitemap.xml")]
    public void Reserved_HoldsThePathsTheSiteUsesItself(string slug)
    {
        Assert.Contains(slug, Slugs.Reserved);
    }
}
