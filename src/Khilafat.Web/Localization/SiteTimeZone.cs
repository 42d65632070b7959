using System.Globalization;
using Khilafat.Web.Options;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Localization;

/// <summary>
/// The site's time zone (<see cref="SiteOptions.TimeZone"/>): editors enter and read times in it, the database keeps
/// UTC. One place converts, so a time shown is always the time entered.
/// </summary>
public sealed class SiteTimeZone(IOptions<SiteOptions> options)
{
    private readonly TimeZoneInfo _zone = Find(options.Value.TimeZone)
        ?? throw new InvalidOperationException($"Site:TimeZone \"{options.Value.TimeZone}\" is not a known time zone.");

    /// <summary>The IANA name, as editors see it beside a time ("Asia/Karachi").</summary>
    public string Name => options.Value.TimeZone;

    /// <summary>The zone of an IANA name, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? Find(string? name) =>
        !string.IsNullOrWhiteSpace(name) && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;

    /// <summary>"UTC+05:00": the site zone's offset at a moment, shown beside its name.</summary>
    public string Offset(DateTime utc) => OffsetLabel(_zone, utc);

    /// <summary>"UTC+05:00", "UTC−03:00": a zone's offset at a moment, its minus sign the typographic one.</summary>
    public static string OffsetLabel(TimeZoneInfo zone, DateTime utc)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return "UTC" + (offset < TimeSpan.Zero ? "−" : "+") + offset.ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A UTC time as the site's wall clock shows it.</summary>
    public DateTime ToLocal(DateTime utc) => ToLocal(utc, _zone);

    /// <summary>
    /// A wall-clock time entered in the site's zone, in UTC; null when that time does not exist there (skipped when the
    /// clocks go forward). A time that happens twice (when they go back) is taken as the first.
    /// </summary>
    public DateTime? ToUtc(DateTime local) => ToUtc(local, _zone);

    /// <summary>A UTC time as feeds and machine-read dates give it: "2026-12-07T16:20:00Z".</summary>
    public static string IsoUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    public static DateTime? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) return null;
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force before the clocks went back: the first of the two moments.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
