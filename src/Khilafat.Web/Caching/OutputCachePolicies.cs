using Khilafat.Web.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Caching;

/// <summary>Named output-cache policies for public pages.</summary>
public static class OutputCachePolicies
{
    /// <summary>A public page: kept until content changes (evicted by <see cref="OutputCacheTags.Public"/>) or for an hour.</summary>
    public const string Public = "public";

    /// <summary>A public page whose ?page= picks what it shows.</summary>
    public const string PublicPaged = "public-paged";

    /// <summary>A public page whose ?from= and ?to= pick two versions to compare.</summary>
    public const string PublicCompared = "public-compared";

    /// <summary>
    /// A petition's page: kept only <see cref="PetitionLifetime"/>, so a confirmed signature shows in its exact count
    /// within that time. The count is an indexed COUNT read when the page renders, at most once per language and
    /// encoding per lifetime however many sign: no counter row for a burst to fight over, and no eviction per signature.
    /// </summary>
    public const string PublicPetition = "public-petition";

    public static readonly TimeSpan PetitionLifetime = TimeSpan.FromSeconds(5);

    public static void AddPublicPolicies(this OutputCacheOptions options)
    {
        // Responses are cached after compression, so each encoding a browser asks for is its own entry.
        options.AddPolicy(Public, policy => policy
            .Expire(TimeSpan.FromHours(1)).Tag(OutputCacheTags.Public).SetVaryByQuery([]).SetVaryByHeader("Accept-Encoding"));
        options.AddPolicy(PublicPaged, policy => policy
            .Expire(TimeSpan.FromHours(1)).Tag(OutputCacheTags.Public).SetVaryByQuery("page").SetVaryByHeader("Accept-Encoding"));
        options.AddPolicy(PublicPetition, policy => policy
            .Expire(PetitionLifetime).Tag(OutputCacheTags.Public).SetVaryByQuery([]).SetVaryByHeader("Accept-Encoding"));
        options.AddPolicy(PublicCompared, policy => policy
            .Expire(TimeSpan.FromHours(1)).Tag(OutputCacheTags.Public).SetVaryByQuery("from", "to").SetVaryByHeader("Accept-Encoding"));
    }
}
