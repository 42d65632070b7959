using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Data;

/// <summary>
/// The one way to write (SiteDbContext.WriteAsync): all of a write or none of it, once more when a unique key was
/// taken meanwhile, and a second context's write inside an open one refused at once rather than waiting for itself.
/// </summary>
public class WritePathTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task AWrite_StoresWhatItsWorkAdded_AndReturnsItsResult()
    {
        var key = NewKey();

        var result = await WithContextAsync(db => db.WriteAsync(_ =>
        {
            db.Settings.Add(new SiteSetting { Key = key, Value = "stored" });
            return Task.FromResult(42);
        }));

        Assert.Equal(42, result);
        Assert.Equal("stored", await StoredAsync(key));
    }

    [Fact]
    public async Task AWriteWhoseWorkFails_StoresNothing_AndTheContextForgetsItsChanges()
    {
        var key = NewKey();

        await WithContextAsync(async db =>
        {
            await Assert.ThrowsAsync<WorkFailed>(() => db.WriteAsync(async c =>
            {
                db.Settings.Add(new SiteSetting { Key = key, Value = "half" });
                await db.SaveChangesAsync(c);
                throw new WorkFailed("the work failed after saving part of it");
            }));
            Assert.Empty(db.ChangeTracker.Entries());
            // A later save of the same context does not store the failed write's leftovers either.
            await db.SaveChangesAsync();
        });

        Assert.Null(await StoredAsync(key));
    }

    [Fact]
    public async Task AWriteInsideAWriteOfTheSameContext_JoinsIt_AndFailsWithIt()
    {
        var (outer, inner) = (NewKey(), NewKey());

        await WithContextAsync(db => Assert.ThrowsAsync<WorkFailed>(() => db.WriteAsync(async c =>
        {
            db.Settings.Add(new SiteSetting { Key = outer, Value = "outer" });
            await db.WriteAsync(_ =>
            {
                db.Settings.Add(new SiteSetting { Key = inner, Value = "inner" });
                return Task.CompletedTask;
            }, c);
            throw new WorkFailed("the outer write fails after the inner one returned");
        })));

        Assert.Null(await StoredAsync(outer));
        Assert.Null(await StoredAsync(inner));
    }

    [Fact]
    public async Task AWriteOnASecondContext_InsideAnOpenWrite_IsRefusedAtOnce_AndNeitherIsStored()
    {
        var (first, second) = (NewKey(), NewKey());

        var refused = await WithContextAsync(db => WithContextAsync(other => Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync(async c =>
        {
            db.Settings.Add(new SiteSetting { Key = first, Value = "first" });
            await other.WriteAsync(_ =>
            {
                other.Settings.Add(new SiteSetting { Key = second, Value = "second" });
                return Task.CompletedTask;
            }, c);
        }))));

        Assert.Contains("second SiteDbContext inside a write that is still open", refused.Message);
        Assert.Null(await StoredAsync(first));
        Assert.Null(await StoredAsync(second));
    }

    /// <summary>Services that write in a scope of their own go through the one path too: inside an open write they are refused like any other.</summary>
    [Theory]
    [InlineData("data minimisation")]
    [InlineData("closing the setup link")]
    public async Task AServiceWritingThroughItsOwnScope_InsideAnOpenWrite_IsRefused(string writer)
    {
        Func<Task> write = writer == "data minimisation"
            ? () => factory.Services.GetRequiredService<Maintenance>().RunOnceAsync()
            : () => factory.Services.GetRequiredService<SetupToken>().CloseAsync();

        var refused = await WithContextAsync(db => Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync(_ => write())));

        Assert.Contains("second SiteDbContext", refused.Message);
    }

    [Fact]
    public async Task AUniqueKeyTakenMeanwhile_RunsTheWorkOnceMore_OnAClearedContext_WhichThenSeesIt()
    {
        var key = NewKey();
        await StoreAsync(key, "theirs");
        var attempts = 0;

        var seen = await WithContextAsync(db => db.WriteAsync(async c =>
        {
            // The first attempt acts on what it read before the other write committed: the key was free then.
            if (++attempts == 1)
            {
                db.Settings.Add(new SiteSetting { Key = key, Value = "mine" });
                return "mine";
            }
            Assert.Empty(db.ChangeTracker.Entries());
            return (await db.Settings.SingleAsync(s => s.Key == key, c)).Value;
        }));

        Assert.Equal(2, attempts);
        Assert.Equal("theirs", seen);
        Assert.Equal("theirs", await StoredAsync(key));
    }

    [Fact]
    public async Task AUniqueKeyTakenTwice_FailsTheWrite_AfterOneRetry()
    {
        var key = NewKey();
        await StoreAsync(key, "theirs");
        var attempts = 0;

        var failure = await WithContextAsync(db => Assert.ThrowsAsync<DbUpdateException>(() => db.WriteAsync(_ =>
        {
            attempts++;
            db.Settings.Add(new SiteSetting { Key = key, Value = "mine" });
            return Task.CompletedTask;
        })));

        Assert.True(failure.IsUniqueViolation());
        Assert.Equal(2, attempts);
        Assert.Equal("theirs", await StoredAsync(key));
    }

    /// <summary>
    /// On SQLite the gate itself refuses a second context's transaction inside a write (EF's own, for a save of
    /// several rows, or one begun by hand), which would otherwise wait for the first until the gate's limit.
    /// </summary>
    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public async Task OnSqlite_ASecondContextsTransaction_InsideAnOpenWrite_IsRefusedByTheGate()
    {
        var refused = await WithContextAsync(db => WithContextAsync(other => Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync(async c =>
        {
            await using var transaction = await other.Database.BeginTransactionAsync(c);
        }))));

        Assert.Contains("second SiteDbContext", refused.Message);
    }

    /// <summary>
    /// Each site has its own gate: two in one process (as tests run them) write side by side. Were the gate shared,
    /// the second site's write would wait for the first's, which waits for the second: the write would time out.
    /// </summary>
    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public async Task TwoSitesInOneProcess_HaveEachTheirOwnWriteGate()
    {
        await using var otherSite = new SiteFactory();
        var key = NewKey();
        Assert.NotSame(factory.Services.GetRequiredService<SqliteWriteGate>(), otherSite.Services.GetRequiredService<SqliteWriteGate>());

        await WithContextAsync(db => db.WriteAsync(async _ =>
        {
            db.Settings.Add(new SiteSetting { Key = key, Value = "this site" });
            // Written by the other site while this site's write holds its gate, in a flow of its own, as a request to
            // that site would be (within this flow it would be refused as a second context).
            Task otherWrite;
            using (ExecutionContext.SuppressFlow())
            {
                otherWrite = Task.Run(() => otherSite.WithScopeAsync(sp =>
                {
                    var other = sp.GetRequiredService<SiteDbContext>();
                    return other.WriteAsync(_ =>
                    {
                        other.Settings.Add(new SiteSetting { Key = key, Value = "other site" });
                        return Task.CompletedTask;
                    });
                }));
            }
            await otherWrite;
        }));

        Assert.Equal("this site", await StoredAsync(key));
        Assert.Equal("other site", await otherSite.WithScopeAsync(sp =>
            sp.GetRequiredService<SiteDbContext>().Settings.Where(s => s.Key == key).Select(s => s.Value).SingleAsync()));
    }

    /// <summary>
    /// Writes arriving together share one transaction on SQLite (SqliteGroupCommit), each in its own savepoint: the
    /// failing ones store nothing and hear their own failure, and the others are stored and hear their results. On
    /// PostgreSQL each has its own transaction, with the same outcome.
    /// </summary>
    [Fact]
    public async Task ConcurrentWrites_SomeFailing_TheOthersAreStored_AndEachHearsItsOwnOutcome()
    {
        var keys = Enumerable.Range(0, 40).Select(_ => NewKey()).ToList();
        var outcomes = await Task.WhenAll(keys.Select((key, i) => WithContextAsync(async db =>
        {
            try
            {
                return await db.WriteAsync(async c =>
                {
                    db.Settings.Add(new SiteSetting { Key = key, Value = "value " + i });
                    await db.SaveChangesAsync(c);
                    if (i % 7 == 3) throw new WorkFailed("write " + i + " fails after saving");
                    return "stored " + i;
                });
            }
            catch (WorkFailed e)
            {
                Assert.Empty(db.ChangeTracker.Entries());
                return e.Message;
            }
        })));

        for (var i = 0; i < keys.Count; i++)
        {
            var fails = i % 7 == 3;
            Assert.Equal(fails ? "write " + i + " fails after saving" : "stored " + i, outcomes[i]);
            Assert.Equal(fails ? null : "value " + i, await StoredAsync(keys[i]));
        }
    }

    private sealed class WorkFailed(string message) : Exception(message);

    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    private Task<T> WithContextAsync<T>(Func<SiteDbContext, Task<T>> action) =>
        factory.WithScopeAsync(sp => action(sp.GetRequiredService<SiteDbContext>()));

    private Task WithContextAsync(Func<SiteDbContext, Task> action) =>
        factory.WithScopeAsync(sp => action(sp.GetRequiredService<SiteDbContext>()));

    private Task StoreAsync(string key, string value) => WithContextAsync(db => db.WriteAsync(_ =>
    {
        db.Settings.Add(new SiteSetting { Key = key, Value = value });
        return Task.CompletedTask;
    }));

    private Task<string?> StoredAsync(string key) =>
        WithContextAsync(db => db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).SingleOrDefaultAsync());
}
