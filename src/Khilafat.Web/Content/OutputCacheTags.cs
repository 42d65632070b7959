using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Content;

/// <summary>The output-cache tag on every public page; evicting it makes the next request render afresh.</summary>
public static class OutputCacheTags
{
    public const string Public = "public";

    public static ValueTask EvictPublicAsync(this IOutputCacheStore store, CancellationToken ct = default) =>
        store.EvictByTagAsync(Public, ct);
}
