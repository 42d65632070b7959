using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Jobs;

/// <summary>
/// A long job's bounded piece (see <see cref="IJobHandler"/>): the first <see cref="Size"/> rows still to do, each handed
/// to the caller's work inside its one write; the job runs again at once while more are left. The work marks each row
/// done in that write, so the next query no longer picks it and a piece repeated after a crash does nothing twice.
/// </summary>
public static class JobPiece
{
    /// <summary>Rows per piece (one transaction each).</summary>
    public const int Size = 200;

    /// <summary>Hands the first <see cref="Size"/> of <paramref name="rows"/> (in their order) to <paramref name="each"/>; true when more are left.</summary>
    public static async Task<bool> EachAsync<T>(IQueryable<T> rows, Func<T, Task> each, CancellationToken ct)
    {
        var piece = await rows.Take(Size + 1).ToListAsync(ct);
        foreach (var row in piece.Take(Size)) await each(row);
        return piece.Count > Size;
    }
}
