namespace Khilafat.Web.Audit;

/// <summary>One thing someone did: who, what, to what, when. Rows are only ever added.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The account that acted; null for visitors, the system and failed sign-ins of unknown accounts.</summary>
    public string? ActorId { get; set; }

    /// <summary>The actor's email (or "system"), kept as text so the log still reads right after an account is gone.</summary>
    public required string ActorName { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. "page:statement" or "user:editor@example.org".</summary>
    public string? Target { get; set; }

    public string? Details { get; set; }
}
