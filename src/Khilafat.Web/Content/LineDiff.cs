namespace Khilafat.Web.Content;

/// <summary>Skipped stands for a run of unchanged lines left out; its text is how many.</summary>
public enum DiffKind { Same, Added, Removed, Skipped }

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>What changed between two texts, line by line (the longest common subsequence of their lines).</summary>
public static class LineDiff
{
    // Beyond this many cells the table would cost too much memory; the diff then shows all old lines out and all new in.
    private const long MaxCells = 16_000_000;

    public static IReadOnlyList<DiffLine> Compare(string oldText, string newText) => Compare(Split(oldText), Split(newText));

    /// <summary>The same for any two sequences of pieces (lines, words): each piece kept, removed or added.</summary>
    internal static IReadOnlyList<DiffLine> Compare(string[] a, string[] b)
    {

        // Common head and tail need no table.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;

        var result = new List<DiffLine>(a.Length + b.Length);
        result.AddRange(a[..head].Select(line => new DiffLine(DiffKind.Same, line)));
        var midA = a[head..(a.Length - tail)];
        var midB = b[head..(b.Length - tail)];
        if ((long)midA.Length * midB.Length > MaxCells)
        {
            result.AddRange(midA.Select(line => new DiffLine(DiffKind.Removed, line)));
            result.AddRange(midB.Select(line => new DiffLine(DiffKind.Added, line)));
        }
        else
        {
            result.AddRange(Middle(midA, midB));
        }
        result.AddRange(a[(a.Length - tail)..].Select(line => new DiffLine(DiffKind.Same, line)));
        return result;
    }

    /// <summary>The changes with <paramref name="context"/> unchanged lines around each; longer unchanged runs become one Skipped line.</summary>
    public static IReadOnlyList<DiffLine> WithContext(IReadOnlyList<DiffLine> lines, int context = 3)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == DiffKind.Same) continue;
            for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) keep[k] = true;
        }
        var result = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                if (skipped > 0) result.Add(new DiffLine(DiffKind.Skipped, skipped.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                skipped = 0;
                result.Add(lines[i]);
            }
            else skipped++;
        }
        if (skipped > 0 && result.Count > 0) result.Add(new DiffLine(DiffKind.Skipped, skipped.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return result;
    }

    private static IEnumerable<DiffLine> Middle(string[] a, string[] b)
    {
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..]
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { yield return new DiffLine(DiffKind.Same, a[x]); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) yield return new DiffLine(DiffKind.Removed, a[x++]);
            else yield return new DiffLine(DiffKind.Added, b[y++]);
        }
        while (x < a.Length) yield return new DiffLine(DiffKind.Removed, a[x++]);
        while (y < b.Length) yield return new DiffLine(DiffKind.Added, b[y++]);
    }

    private static string[] Split(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');
}
