using System.Text;
using Khilafat.Web.Testimonials;

namespace Khilafat.Web.UnitTests.Testimonials;

/// <summary>What queues a testimonial for an editor as likely spam: a link, or a word on the editors' blocklist.</summary>
public class SpamCheckTests
{
    private static readonly IReadOnlyList<string> DefaultBlocklist = SpamCheck.ParseBlocklist(SpamCheck.DefaultBlocklist);

    [Theory]
    [InlineData("Read more at http://example.net/offer")]
    [InlineData("Read more at HTTPS://EXAMPLE.NET")]
    [InlineData("see www.example")]
    [InlineData("cheap pills at pills-online.shop today")]
    [InlineData("Visit example.COM")]
    [InlineData("زوروا example.com للمزيد")]
    [InlineData("مزید کے لیے https://example.org دیکھیں")]
    public void Text_WithALink_IsSpam(string text)
    {
        Assert.Equal("contains a link", (SpamCheck.Link(text) ?? SpamCheck.BlockedWord(text, DefaultBlocklist)));
    }

    [Theory]
    [InlineData("The movement taught me that compassion is a form of strength.")]
    [InlineData("I met them in Lahore. They helped my family after the flood.")]
    [InlineData("Good skills, kind people.")]
    [InlineData("تعلمت من الحركة أن الرحمة قوة.")]
    [InlineData("اس تحریک نے مجھے صبر سکھایا۔")]
    [InlineData("")]
    public void OrdinaryWords_InAnyOfTheSiteLanguages_AreNotSpam(string text)
    {
        Assert.Null((SpamCheck.Link(text) ?? SpamCheck.BlockedWord(text, DefaultBlocklist)));
    }

    [Theory]
    [InlineData("Win at the CASINO tonight", "casino")]
    [InlineData("crypto!", "crypto")]
    [InlineData("They said: kill them all.", "kill them")]
    [InlineData("Kill Them", "kill them")]
    public void AWordOnTheBlocklist_AsAWholeWord_InAnyCase_IsSpam(string text, string word)
    {
        Assert.Equal("blocklisted word: " + word, (SpamCheck.Link(text) ?? SpamCheck.BlockedWord(text, DefaultBlocklist)));
    }

    [Theory]
    [InlineData("Their skill at relief work is great.")]
    [InlineData("The loaner bicycle helped.")]
    [InlineData("cryptography lectures")]
    public void ABlockedWordInsideAnotherWord_IsNotSpam(string text)
    {
        Assert.Null((SpamCheck.Link(text) ?? SpamCheck.BlockedWord(text, DefaultBlocklist)));
    }

    [Fact]
    public void AnArabicBlockedWord_MatchesAsAWholeWordOnly()
    {
        var blocklist = SpamCheck.ParseBlocklist("قمار");

        Assert.Equal("blocklisted word: قمار", (SpamCheck.Link("لا للقمار ولا قمار هنا") ?? SpamCheck.BlockedWord("لا للقمار ولا قمار هنا", blocklist)));
        Assert.Null((SpamCheck.Link("لا للقمار") ?? SpamCheck.BlockedWord("لا للقمار", blocklist)));
    }

    [Fact]
    public void BlockedWordsWithRegexCharacters_AreMatchedLiterally()
    {
        var blocklist = SpamCheck.ParseBlocklist("c++\n(free)\na.b");

        Assert.Equal("blocklisted word: (free)", (SpamCheck.Link("all (free) now") ?? SpamCheck.BlockedWord("all (free) now", blocklist)));
        Assert.Null((SpamCheck.Link("acb and freebies") ?? SpamCheck.BlockedWord("acb and freebies", blocklist)));
    }

    [Fact]
    public void AVeryLongText_IsChecked_WithoutFailing()
    {
        var text = string.Concat(Enumerable.Repeat("compassion and patience ", 1_000));

        Assert.Null((SpamCheck.Link(text) ?? SpamCheck.BlockedWord(text, DefaultBlocklist)));
        Assert.Equal("blocklisted word: forex", (SpamCheck.Link(text + "forex") ?? SpamCheck.BlockedWord(text + "forex", DefaultBlocklist)));
    }

    [Fact]
    public void ParseBlocklist_TakesOneWordOrPhraseALine_TrimmedWithoutBlanksOrRepeats_WhateverTheLineEndings()
    {
        var words = SpamCheck.ParseBlocklist("casino\r\n\r\n  seo services  \nCasino\n\t\nloan\r");

        Assert.Equal(["casino", "seo services", "loan"], words);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n\r\n  \n")]
    public void ParseBlocklist_OfNothing_IsEmpty_AndFlagsNothing(string? text)
    {
        var words = SpamCheck.ParseBlocklist(text);

        Assert.Empty(words);
        Assert.Null((SpamCheck.Link("casino") ?? SpamCheck.BlockedWord("casino", words)));
    }

    [Fact]
    public void TheDefaultBlocklist_HoldsItsWords()
    {
        Assert.Contains("casino", DefaultBlocklist);
        Assert.Contains("kill them", DefaultBlocklist);
        Assert.All(DefaultBlocklist, word => Assert.Equal(word.Trim(), word));
    }

    [Fact]
    public void DisplayText_DropsBidiEmbeddingAndOverrideCharacters_AndKeepsTheText()
    {
        Assert.Equal("abcdef", DisplayText.Clean("abc\u202Edef\u202C"));
        Assert.Equal("a b c d", DisplayText.Clean("a\u2066 b\u2067 c\u2068 d\u2069"));
        Assert.Equal("x", DisplayText.Clean("\u202A\u202B\u202Dx"));
    }

    [Theory]
    [InlineData("العدالة للجميع")]
    [InlineData("انصاف سب کے لیے")]
    [InlineData("Mixed العدالة and انصاف 2026")]
    [InlineData("")]
    public void DisplayText_LeavesArabicUrduAndMixedTextAlone(string text)
    {
        Assert.Equal(text, DisplayText.Clean(text));
    }

    [Fact]
    public void DisplayText_KeepsNfdAccentsAndTheRightToLeftMark()
    {
        var decomposed = "café\u200F".Normalize(NormalizationForm.FormD);

        Assert.Equal(decomposed, DisplayText.Clean(decomposed));
    }
}
