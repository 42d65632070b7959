using AngleSharp.Html.Parser;
using Khilafat.Web.Content;

namespace Khilafat.Web.UnitTests.Content;

/// <summary>The Bismillah is Arabic on every language's page: a paragraph of it alone is marked so, however it is written.</summary>
public class BismillahTests
{
    [Theory]
    [InlineData("بسم الله الرحمن الرحيم")]
    [InlineData("بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ")]
    [InlineData("بِسْمِ ٱللَّٰهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ")]
    [InlineData("بسم اللہ الرحمٰن الرحیم")]
    [InlineData("  بسم الله  الرحمن الرحيم. ")]
    public void TheBismillah_InArabicScript_IsRecognised(string text) => Assert.True(Bismillah.Is(text));

    [Theory]
    [InlineData("")]
    [InlineData("BISMILLA HIRRAHEMA NIRRAHEEM")]
    [InlineData("بسم الله")]
    [InlineData("بسم الله الرحمن الرحيم، والحمد لله")]
    public void OtherText_IsNot(string text) => Assert.False(Bismillah.Is(text));

    [Fact]
    public void APageOpeningWithIt_RendersItAsAnArabicParagraph_AndLeavesTheRestAlone()
    {
        var html = new MarkdownRenderer().ToHtml("بسم الله الرحمن الرحيم\n\nBrothers and sisters.\n\nبسم الله الرحمن الرحيم، والحمد لله");
        var paragraphs = new HtmlParser().ParseDocument("<body>" + html + "</body>").QuerySelectorAll("p");

        Assert.Equal("ar", paragraphs[0].GetAttribute("lang"));
        Assert.Equal("rtl", paragraphs[0].GetAttribute("dir"));
        Assert.Equal("bismillah", paragraphs[0].ClassName);
        Assert.All(paragraphs.Skip(1), p => Assert.Null(p.GetAttribute("lang")));
    }
}
