using System.Text;
using System.Text.RegularExpressions;

namespace Khilafat.Web.Content;

/// <summary>
/// What changed between two texts, word by word: runs of kept, removed and added text, whitespace included, so the
/// runs joined give back either text. For readers comparing two published versions, where a line diff is too coarse.
/// </summary>
public static partial class WordDiff
{
    public static IReadOnlyList<DiffLine> Compare(string oldText, string newText)
    {
        var pieces = LineDiff.Compare(Words(oldText), Words(newText));
        // Neighbouring pieces of one kind become one run.
        var runs = new List<DiffLine>();
        var text = new StringBuilder();
        DiffKind? kind = null;
        foreach (var piece in pieces)
        {
            if (piece.Kind != kind && kind is not null)
            {
                runs.Add(new DiffLine(kind.Value, text.ToString()));
                text.Clear();
            }
            kind = piece.Kind;
            text.Append(piece.Text);
        }
        if (kind is not null) runs.Add(new DiffLine(kind.Value, text.ToString()));
        return runs;
    }

    private static string[] Words(string text) => Piece().Matches(text.Replace("\r\n", "\n")).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Piece();
}
