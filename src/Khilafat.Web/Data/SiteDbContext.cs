using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.MailingList;
using Khilafat.Web.Relief;
using Khilafat.Web.Media;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Khilafat.Web.Data;

/// <summary>
/// The site's one database: content, accounts, testimonials, the mailing list and the audit log. This type runs on
/// SQLite; <see cref="PostgresSiteDbContext"/> is the same model on PostgreSQL.
/// </summary>
public class SiteDbContext : IdentityDbContext<SiteUser>, IDataProtectionKeyContext
{
    public SiteDbContext(DbContextOptions<SiteDbContext> options) : base(options)
    {
    }

    protected SiteDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>The keys that protect sign-in cookies and anti-forgery tokens; kept here so they survive restarts and backups.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Page> Pages => Set<Page>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();

    /// <summary>Every versioned text of every kind and language (pages, FAQ entries...).</summary>
    public DbSet<VersionedText> Texts => Set<VersionedText>();
    public DbSet<TextRevision> TextRevisions => Set<TextRevision>();
    public DbSet<SiteSetting> Settings => Set<SiteSetting>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Testimonial> Testimonials => Set<Testimonial>();
    public DbSet<Update> Updates => Set<Update>();
    public DbSet<UpdateSend> UpdateSends => Set<UpdateSend>();
    public DbSet<SendText> SendTexts => Set<SendText>();
    public DbSet<SendThrottle> SendThrottles => Set<SendThrottle>();

    /// <summary>Background work due at a time: the one mechanism for everything the site does on its own.</summary>
    public DbSet<Job> Jobs => Set<Job>();

    /// <summary>Where the site sends supporters to give: organisations editors keep and check.</summary>
    public DbSet<ReliefOrganisation> ReliefOrganisations => Set<ReliefOrganisation>();
    public DbSet<Events.Event> Events => Set<Events.Event>();
    public DbSet<Events.Rsvp> Rsvps => Set<Events.Rsvp>();
    /// <summary>Uploaded images; their files are in the <see cref="Media.IMediaStore"/>, named in their variants.</summary>
    public DbSet<MediaImage> MediaImages => Set<MediaImage>();
    public DbSet<Petitions.Petition> Petitions => Set<Petitions.Petition>();
    public DbSet<Petitions.PetitionSignature> PetitionSignatures => Set<Petitions.PetitionSignature>();
    /// <summary>The header and footer menus, per language, as editors arrange them.</summary>
    public DbSet<Menus.MenuItem> MenuItems => Set<Menus.MenuItem>();

    /// <summary>
    /// The one way to write. Runs <paramref name="work"/> in a transaction of this context, saves what it changed, and
    /// commits; on SQLite the transaction first waits its turn at the <see cref="SqliteWriteGate"/>. When a unique
    /// index refuses the save because a concurrent write took the value first, the work runs once more, in a new
    /// transaction on a cleared context, and now sees what the other saved: so the work reads what it changes itself,
    /// inside the call. If the work or the save fails, nothing of it is stored and the context forgets its changes.
    /// <para>
    /// Inside a write of this same context (a service calling another with the scope's context), the work joins that
    /// write, which saves, commits or retries the whole. Inside a write of another context (one from a second scope)
    /// it throws <see cref="InvalidOperationException"/>: the second would wait for the first forever. What must follow
    /// the commit (waking the outbox sender, evicting cached pages) goes after this call returns.
    /// </para>
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            var joined = await work(ct);
            await SaveChangesAsync(ct);
            return joined;
        }
        WriteFlow.RefuseSecondContext(this);
        // On SQLite, with the first write of a batch in a shared transaction (see SqliteGroupCommit); unless the
        // context's owner opened its connection itself, to write on it as it set it up.
        if (GroupCommit is { } group && Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            return await group.RunAsync(this, work, ct);
        try
        {
            return await AttemptAsync(work, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await AttemptAsync(work, ct);
        }
    }

    private SqliteGroupCommit? GroupCommit =>
        _groupCommitFound ? _groupCommit : FindGroupCommit();

    private SqliteWriteGate? _gate;
    private SqliteGroupCommit? _groupCommit;
    private bool _groupCommitFound;

    // The gate is one of the options' interceptors on SQLite (a singleton of the app); none on PostgreSQL.
    private SqliteGroupCommit? FindGroupCommit()
    {
        var interceptors = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(this)
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors;
        _gate = interceptors?.OfType<SqliteWriteGate>().FirstOrDefault();
        _groupCommit = _gate?.GroupCommit;
        _groupCommitFound = true;
        return _groupCommit;
    }

    /// <summary>
    /// On SQLite, moves the write-ahead log into the database file and empties it (a TRUNCATE checkpoint), at the
    /// write gate's turn, so that no write waits in SQLite's busy handler meanwhile. What a delete or an update frees
    /// is zeroed in the pages it changes (secure_delete, <see cref="SqliteConnectionPragmas"/>), but the log keeps the
    /// earlier copies of those pages, the erased address among them, until it is written over; after this they are in
    /// neither file. Run after erasures (hourly, and when an editor erases a person). False when readers kept SQLite
    /// from emptying the log within its busy timeout (the next run tries again); nothing to do on PostgreSQL.
    /// </summary>
    public async Task<bool> EmptySqliteLogAsync(CancellationToken ct = default)
    {
        if (GroupCommit is null) return true;
        if (Database.CurrentTransaction is not null) throw new InvalidOperationException("The log cannot be emptied inside a write.");
        await _gate!.EnterAsync();
        try
        {
            await Database.OpenConnectionAsync(ct);
            var connection = Database.GetDbConnection();
            try
            {
                // It waits for readers to leave the log, holding the gate: a second at most (a backup being copied is
                // a long reader), not the writers' five, so that no sign-up waits long behind it.
                await SqliteConnectionPragmas.ExecuteAsync(connection, "PRAGMA busy_timeout = 1000;", ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var result = await command.ExecuteReaderAsync(ct);
                // Its first column is 1 when it could not finish (busy).
                return await result.ReadAsync(ct) && result.GetInt32(0) == 0;
            }
            finally
            {
                await SqliteConnectionPragmas.ExecuteAsync(connection, SqliteConnectionPragmas.BusyTimeout, CancellationToken.None);
                await Database.CloseConnectionAsync();
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        WriteAsync<bool>(async c =>
        {
            await work(c);
            return true;
        }, ct);

    private async Task<T> AttemptAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var flow = WriteFlow.Enter(this);
        await using var transaction = await Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work(ct);
            await SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            // Rolled back in so many words: a transaction only disposed after a failed save can leave its connection
            // open, and the SQLite gate with it until the connection closes. What the context still tracks was never stored.
            await RollBackAfterFailureAsync(transaction);
            ChangeTracker.Clear();
            throw;
        }
    }

    private static async Task RollBackAfterFailureAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // Already over (the commit itself failed) or the connection is gone: either way nothing was stored, and the
            // failure the caller must see is the one that brought us here.
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Named one by one rather than found by scanning the assembly: a scan loads every type's dependencies (the
        // SMTP and Redis clients among them) into every process, whether it uses them or not.
        builder.ApplyConfiguration(new PageConfiguration());
        builder.ApplyConfiguration(new FaqEntryConfiguration());
        builder.ApplyConfiguration(new VersionedTextConfiguration());
        builder.ApplyConfiguration(new TextRevisionConfiguration());
        builder.ApplyConfiguration(new SiteSettingConfiguration());
        builder.ApplyConfiguration(new SubscriberConfiguration());
        builder.ApplyConfiguration(new OutboxMessageConfiguration());
        builder.ApplyConfiguration(new TestimonialConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new UpdateConfiguration());
        builder.ApplyConfiguration(new UpdateSendConfiguration());
        builder.ApplyConfiguration(new SendTextConfiguration());
        builder.ApplyConfiguration(new JobConfiguration());
        builder.ApplyConfiguration(new ReliefOrganisationConfiguration());
        builder.ApplyConfiguration(new EventConfiguration());
        builder.ApplyConfiguration(new RsvpConfiguration());
        builder.ApplyConfiguration(new MediaImageConfiguration());
        builder.ApplyConfiguration(new MediaVariantConfiguration());
        builder.ApplyConfiguration(new PetitionConfiguration());
        builder.ApplyConfiguration(new PetitionSignatureConfiguration());
        builder.ApplyConfiguration(new MenuItemConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; SQLite keeps no kind, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    // Internal, not private: the compiled models (Data/CompiledModels) make them.
    internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    internal sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? v.Value.ToUniversalTime() : v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
