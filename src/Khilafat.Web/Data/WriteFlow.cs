using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Data;

/// <summary>
/// Which context holds the write this async flow is inside (see <see cref="SiteDbContext.WriteAsync{T}"/>). A write
/// started on a second context in the same flow would wait for the first, which waits for the code that started the
/// second: on SQLite at the write gate, on PostgreSQL for the first's row and advisory locks. Instead it is refused
/// at once, saying why.
/// </summary>
internal sealed class WriteFlow
{
    private static readonly AsyncLocal<WriteFlow?> Current = new();

    private readonly DbContext _context;
    private readonly WriteFlow? _outer;
    private bool _open = true;

    private WriteFlow(DbContext context, WriteFlow? outer) => (_context, _outer) = (context, outer);

    /// <summary>Marks this flow as writing through <paramref name="context"/> until the returned scope is disposed.</summary>
    public static IDisposable Enter(DbContext context)
    {
        var flow = new WriteFlow(context, Current.Value);
        Current.Value = flow;
        return new Exit(flow);
    }

    /// <summary>Throws when this flow is inside a write of a context other than <paramref name="context"/>.</summary>
    public static void RefuseSecondContext(DbContext? context)
    {
        if (Current.Value is { _open: true } flow && !ReferenceEquals(flow._context, context))
            throw new InvalidOperationException(
                "A write was started on a second SiteDbContext inside a write that is still open in the same flow; it would wait " +
                "for the first forever. Do the work inside the first write, with its SiteDbContext (the same scope), or after it has committed.");
    }

    private sealed class Exit(WriteFlow flow) : IDisposable
    {
        public void Dispose()
        {
            // Closed as well as unset: a task the work started and left running keeps this flow's value, and must
            // not be refused for a write that has ended.
            flow._open = false;
            Current.Value = flow._outer;
        }
    }
}
