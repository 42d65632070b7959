using Khilafat.Web.Content;

namespace Khilafat.Web.UnitTests.Content;

public class WordDiffTests
{
    private static string Old(IEnumerable<DiffLine> runs) => string.Concat(runs.Where(r => r.Kind != DiffKind.Added).Select(r => r.Text));
    private static string New(IEnumerable<DiffLine> runs) => string.Concat(runs.Where(r => r.Kind != DiffKind.Removed).Select(r => r.Text));

    [Theory]
    [InlineData("", "")]
    [InlineData("", "New words.")]
    [InlineData("Old words.", "")]
    [InlineData("We call for justice.", "We call for justice and peace.")]
    [InlineData("line one\nline two\n\nline three", "line one\nline 2\n\nline three\n")]
    [InlineData("ہم انصاف کا مطالبہ کرتے ہیں۔", "ہم امن اور انصاف کا مطالبہ کرتے ہیں۔")]
    [InlineData("نحن نطالب بالعدالة.", "نحن نطالب بالعدالة والسلام.")]
    public void TheRuns_GiveBackBothTexts(string older, string newer)
    {
        var runs = WordDiff.Compare(older, newer);

        Assert.Equal(older, Old(runs));
        Assert.Equal(newer, New(runs));
    }

    [Fact]
    public void OnlyTheChangedWords_AreMarked()
    {
        var runs = WordDiff.Compare("We call for justice in Gaza.", "We call for justice and relief in Gaza.");

        Assert.Equal([DiffKind.Same, DiffKind.Added, DiffKind.Same], runs.Select(r => r.Kind));
        Assert.Equal("and relief ", runs[1].Text);
    }

    [Fact]
    public void AReplacedWord_IsOneRemovalAndOneAddition()
    {
        var runs = WordDiff.Compare("Vigils on Friday.", "Vigils on Saturday.");

        Assert.Equal(["Friday.", "Saturday."], runs.Where(r => r.Kind != DiffKind.Same).Select(r => r.Text));
        Assert.Equal([DiffKind.Removed, DiffKind.Added], runs.Where(r => r.Kind != DiffKind.Same).Select(r => r.Kind));
    }

    [Fact]
    public void IdenticalTexts_HaveNoChange()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 5000));

        Assert.All(WordDiff.Compare(text, text), r => Assert.Equal(DiffKind.Same, r.Kind));
    }

    [Fact]
    public void CrLfAndLf_AreTheSameText()
    {
        Assert.All(WordDiff.Compare("a\r\nb", "a\nb"), r => Assert.Equal(DiffKind.Same, r.Kind));
    }
}
