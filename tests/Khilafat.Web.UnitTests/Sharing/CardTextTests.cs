using Khilafat.Web.Sharing;

namespace Khilafat.Web.UnitTests.Sharing;

/// <summary>How a share card lays out its title: Arabic and Urdu from the right, digits and Latin words kept in their own order.</summary>
public class CardTextTests
{
    private const float Width = 1000;

    public CardTextTests() =>
        Assert.True(CardText.HasArabicScriptFace, "No Arabic-script face: install Debian's fonts-sil-scheherazade (test.sh does).");

    [Fact]
    public void AnArabicTitle_EndsAtTheRight_InOneRightToLeftRun()
    {
        var line = Assert.Single(CardText.Layout("إحياء الخلافة من أجل العدالة", 64, Width, 3, cardRightToLeft: true));

        var run = Assert.Single(line);
        Assert.Equal(("إحياء الخلافة من أجل العدالة", true), (run.Text, run.RightToLeft));
        Assert.Equal(Width, run.X + run.Width, 0.01);
    }

    [Fact]
    public void AYearInAnArabicTitle_KeepsItsDigitsInOrder_AtTheLinesEnd_WhichIsItsLeft()
    {
        var line = Assert.Single(CardText.Layout("وقفة من أجل غزة 2026", 64, Width, 3, cardRightToLeft: true));

        Assert.Equal([("وقفة من أجل غزة", true), ("2026", false)], line.Select(r => (r.Text, r.RightToLeft)));
        Assert.Equal(Width, line[0].X + line[0].Width, 0.01);
        Assert.True(line[1].X + line[1].Width < line[0].X, "The year is read last, so it stands left of the words.");
    }

    [Fact]
    public void AYearWrittenOntoAWord_KeepsItsDigitsInOrder_BesideTheWord()
    {
        var line = Assert.Single(CardText.Layout("ذكرى 2026م", 64, Width, 3, cardRightToLeft: true));

        Assert.Equal([("ذكرى", true), ("2026", false), ("م", true)], line.Select(r => (r.Text, r.RightToLeft)));
        Assert.True(line[0].X > line[1].X && line[1].X > line[2].X, "Right to left, in reading order.");
        Assert.Equal(line[2].X + line[2].Width, line[1].X, 0.01); // no space inside the word
    }

    [Fact]
    public void LatinWordsInAnUrduTitle_StayTogether_InTheirOwnOrder()
    {
        var line = Assert.Single(CardText.Layout("امداد Gaza Relief کے لیے", 64, Width, 3, cardRightToLeft: true));

        Assert.Equal([("امداد", true), ("Gaza Relief", false), ("کے لیے", true)], line.Select(r => (r.Text, r.RightToLeft)));
        Assert.True(line[0].X > line[1].X && line[1].X > line[2].X, "Right to left, in reading order.");
    }

    [Fact]
    public void AnEnglishTitle_OnAnArabicCard_ReadsFromTheLeft()
    {
        var line = Assert.Single(CardText.Layout("Reviving Khilafat for Justice", 64, Width, 3, cardRightToLeft: true));

        var run = Assert.Single(line);
        Assert.Equal((false, 0f), (run.RightToLeft, run.X));
    }

    [Fact]
    public void ALongTitle_TakesThreeLines_TheLastEndingInAnEllipsis()
    {
        var words = string.Join(" ", Enumerable.Repeat("نداء من أجل الإغاثة الإنسانية والعمل السلمي", 4));

        var lines = CardText.Layout(words, 64, Width, 3, cardRightToLeft: true);

        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.True(line.Min(r => r.X) >= -0.01, "Every line fits the card."));
        Assert.EndsWith(" …", lines[2].Single().Text);
    }

    [Theory]
    [InlineData("Reviving Khilafat for Justice", true)]
    [InlineData("انصاف کے لیے احیائے خلافت", true)] // ے and ہ: Urdu's own letters
    [InlineData("یہ ہے", true)]
    [InlineData("«غزة»؟ 2026", true)]
    [InlineData("救济", false)]
    [InlineData("Relief 🕊", false)]
    public void WhatCanBeDrawn(string text, bool drawable) => Assert.Equal(drawable, CardText.CanDraw(text));
}
