using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Khilafat.Web.Supporters;

/// <summary>How many people have confirmed their place on the mailing list, and in how many countries (of those who named one).</summary>
public sealed record SupporterFigures(int Supporters, int Countries);

/// <summary>
/// The social proof of the home page and /join: real figures from confirmed subscribers, counted at most once every
/// <see cref="Lifetime"/> (the count reads the whole list, which no visitor's request should pay for), and not shown
/// at all while they are too small to persuade anyone.
/// </summary>
public sealed class SupporterCount(SiteDbContext db, IMemoryCache cache)
{
    /// <summary>Below this many confirmed subscribers the figure is not shown: "3 supporters" would work against the movement.</summary>
    public const int MinimumShown = 10;

    /// <summary>How long a count is kept before the list is counted again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string CacheKey = "supporters:figures";

    /// <summary>The figures to show, or null while there are fewer than <see cref="MinimumShown"/> supporters.</summary>
    public async Task<SupporterFigures?> GetAsync(CancellationToken ct = default)
    {
        if (!cache.TryGetValue(CacheKey, out SupporterFigures? figures) || figures is null)
        {
            var confirmed = db.Subscribers.AsNoTracking().Where(s => s.Status == SubscriberStatus.Confirmed);
            figures = new SupporterFigures(
                await confirmed.CountAsync(ct),
                await confirmed.Where(s => s.Country != null).Select(s => s.Country).Distinct().CountAsync(ct));
            cache.Set(CacheKey, figures, Lifetime);
        }
        return figures.Supporters >= MinimumShown ? figures : null;
    }
}
