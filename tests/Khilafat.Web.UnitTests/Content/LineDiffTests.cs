using System.Text;
using Khilafat.Web.Content;

namespace Khilafat.Web.UnitTests.Content;

/// <summary>The line diff an editor reads on the history and conflict screens.</summary>
public class LineDiffTests
{
    private static string Show(IEnumerable<DiffLine> lines) =>
        string.Join("|", lines.Select(l => l.Kind switch
        {
            DiffKind.Same => " " + l.Text,
            DiffKind.Added => "+" + l.Text,
            DiffKind.Removed => "-" + l.Text,
            _ => "…" + l.Text,
        }));

    [Fact]
    public void TwoEmptyTexts_HaveNoLines()
    {
        Assert.Empty(LineDiff.Compare("", ""));
    }

    [Fact]
    public void FromEmpty_EveryLineIsAdded()
    {
        Assert.Equal("+first|+second", Show(LineDiff.Compare("", "first\nsecond")));
    }

    [Fact]
    public void ToEmpty_EveryLineIsRemoved()
    {
        Assert.Equal("-first|-second", Show(LineDiff.Compare("first\nsecond", "")));
    }

    [Fact]
    public void TheSameText_IsAllUnchanged()
    {
        Assert.Equal(" a| b| c", Show(LineDiff.Compare("a\nb\nc", "a\nb\nc")));
    }

    [Fact]
    public void AChangedLine_IsTheOldOneRemoved_ThenTheNewOneAdded_BetweenUnchangedLines()
    {
        Assert.Equal(" a|-b|+x| c", Show(LineDiff.Compare("a\nb\nc", "a\nx\nc")));
    }

    [Fact]
    public void InsertedAndDeletedLines_InTheMiddle_KeepTheLinesTheTextsShare()
    {
        var diff = LineDiff.Compare("one\ntwo\nthree\nfour\nfive", "one\nthree\nthree and a half\nfour\nfive\nsix");

        Assert.Equal(" one|-two| three|+three and a half| four| five|+six", Show(diff));
    }

    [Fact]
    public void AMovedLine_IsShownRemovedWhereItWas_AndAddedWhereItIs()
    {
        var diff = LineDiff.Compare("a\nb\nc", "b\nc\na");

        Assert.Equal("-a| b| c|+a", Show(diff));
    }

    [Theory]
    [InlineData("a\r\nb\r\nc", "a\nb\nc")]
    [InlineData("a\r\nb\nc", "a\nb\r\nc")]
    public void WindowsAndUnixLineEndings_MixedOrNot_AreNotAChange(string oldText, string newText)
    {
        Assert.All(LineDiff.Compare(oldText, newText), line => Assert.Equal(DiffKind.Same, line.Kind));
        Assert.Equal(3, LineDiff.Compare(oldText, newText).Count);
    }

    [Fact]
    public void AnAddedFinalLineBreak_ShowsAsAnAddedEmptyLine()
    {
        Assert.Equal(" a|+", Show(LineDiff.Compare("a", "a\n")));
    }

    [Fact]
    public void ArabicAndUrduLines_AreComparedAsTheyAre()
    {
        const string arabic = "إحياء الخلافة من أجل العدالة";
        const string urdu = "انصاف کے لیے خلافت کا احیاء";

        var diff = LineDiff.Compare($"{arabic}\n{urdu}", $"{arabic}\n{urdu} اور امن");

        Assert.Equal($" {arabic}|-{urdu}|+{urdu} اور امن", Show(diff));
    }

    [Fact]
    public void CanonicallyEquivalentLines_InNfcAndNfd_AreShownAsChanged_BecauseWhatIsStoredDiffers()
    {
        var composed = "café".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        var diff = LineDiff.Compare(composed, decomposed);

        Assert.Equal([DiffKind.Removed, DiffKind.Added], diff.Select(l => l.Kind));
        Assert.Equal(decomposed, diff[1].Text);
    }

    [Fact]
    public void AVeryLongLine_ChangedAtItsEnd_IsOneLineRemovedAndOneAdded()
    {
        var line = new string('x', 200_000);

        var diff = LineDiff.Compare($"before\n{line}\nafter", $"before\n{line}y\nafter");

        Assert.Equal([DiffKind.Same, DiffKind.Removed, DiffKind.Added, DiffKind.Same], diff.Select(l => l.Kind));
        Assert.Equal(line + "y", diff[2].Text);
    }

    [Fact]
    public void TextsTooLargeForTheTable_ShowTheirChangedMiddle_AllRemovedThenAllAdded_KeepingHeadAndTail()
    {
        // 5,000 × 5,000 changed lines are more cells than the table may hold.
        var oldMiddle = Enumerable.Range(0, 5_000).Select(i => $"old {i}");
        var newMiddle = Enumerable.Range(0, 5_000).Select(i => $"new {i}");
        var oldText = string.Join("\n", ["head", .. oldMiddle, "tail"]);
        var newText = string.Join("\n", ["head", .. newMiddle, "tail"]);

        var diff = LineDiff.Compare(oldText, newText);

        Assert.Equal(10_002, diff.Count);
        Assert.Equal(new DiffLine(DiffKind.Same, "head"), diff[0]);
        Assert.All(diff.Skip(1).Take(5_000), l => Assert.Equal(DiffKind.Removed, l.Kind));
        Assert.All(diff.Skip(5_001).Take(5_000), l => Assert.Equal(DiffKind.Added, l.Kind));
        Assert.Equal(new DiffLine(DiffKind.Same, "tail"), diff[^1]);
    }

    [Fact]
    public void WithContext_KeepsThreeUnchangedLinesAroundAChange_AndCountsTheRest()
    {
        var oldText = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var newText = oldText.Replace("line 10", "line ten");

        var shown = LineDiff.WithContext(LineDiff.Compare(oldText, newText));

        Assert.Equal("…6| line 7| line 8| line 9|-line 10|+line ten| line 11| line 12| line 13|…7", Show(shown));
    }

    [Fact]
    public void WithContext_OfTwoNearbyChanges_ShowsTheLinesBetweenThemOnce()
    {
        var diff = LineDiff.Compare("a\nb\nc\nd\ne", "A\nb\nc\nd\nE");

        Assert.Equal("-a|+A| b| c| d|-e|+E", Show(LineDiff.WithContext(diff)));
    }

    [Fact]
    public void WithContext_OfNoChange_IsEmpty()
    {
        Assert.Empty(LineDiff.WithContext(LineDiff.Compare("a\nb", "a\nb")));
        Assert.Empty(LineDiff.WithContext(LineDiff.Compare("", "")));
    }
}
