using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Data;

/// <summary>
/// An EF Core compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>),
/// compiled once for each database provider, at its first run there. A compiled query skips the walk and hash of its
/// LINQ expression that every run of a plain query pays to find its cached plan, which counts on the public write
/// paths; but it belongs to the model it first ran with (EF Core refuses another), and SQLite and PostgreSQL each have
/// their own compiled model.
/// </summary>
public sealed class CompiledPerProvider<TQuery>(Func<DatabaseProvider, TQuery> compile) where TQuery : class
{
    /// <summary>The same query on either provider.</summary>
    public CompiledPerProvider(Func<TQuery> compile) : this(_ => compile()) { }

    private TQuery? _sqlite, _postgres;

    /// <summary>The query for <paramref name="db"/>'s provider. Two threads may both compile it at first: either result serves.</summary>
    public TQuery For(SiteDbContext db) =>
        db.Database.IsNpgsql() ? _postgres ??= compile(DatabaseProvider.Postgres) : _sqlite ??= compile(DatabaseProvider.Sqlite);
}
