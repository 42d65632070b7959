namespace Khilafat.Web.Options;

/// <summary>
/// A Redis server shared by several instances of the site. Section "Redis". When set, the output cache lives in it
/// (so a change made on one instance evicts pages on all of them) and the public forms' rate limits count across
/// instances; /healthz reports it. When not set, both stay in each process's memory.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "redis:6379" or "redis:6379,password=...". Default: none.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the site writes, so several sites can share one Redis. Default "khilafat:".</summary>
    public string InstanceName { get; set; } = "khilafat:";
}
