using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Pages.Admin.Backup;

/// <summary>
/// Admins download a consistent copy of the live database (SQLite's online backup), while the site keeps serving. On
/// PostgreSQL the database lives on its own server and is backed up there (pg_dump): the page says so instead.
/// </summary>
public class IndexModel(IConfiguration configuration, IWebHostEnvironment environment, IOptions<DatabaseOptions> database, SiteDbContext db, TimeProvider clock)
    : PageModel, IPageMeta
{
    public string Title => "Backup";

    public bool OnPostgres => database.Value.Provider == DatabaseProvider.Postgres;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (OnPostgres) return NotFound();
        var file = Path.Combine(Path.GetTempPath(), $"khilafat-backup-{Guid.NewGuid():N}.db");
        await DatabaseBackup.WriteAsync(SqliteConnectionStrings.Runtime(configuration, environment), file, ct);
        await db.RecordAsync(clock, Actor.From(User), AuditActions.BackupDownloaded, ct: ct);
        // The temporary copy goes as soon as it has been sent.
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, "application/vnd.sqlite3", $"khilafat-{clock.GetUtcNow():yyyy-MM-dd-HHmm}.db");
    }
}
