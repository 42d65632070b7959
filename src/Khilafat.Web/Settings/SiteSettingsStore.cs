using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Settings;

/// <summary>
/// Settings editors and admins change at run time, kept in the database. Read from it each time (a lookup by key, on
/// admin requests only), not cached, so a change made on one instance holds on every other at once.
/// </summary>
public sealed class SiteSettingsStore(SiteDbContext db, TimeProvider clock)
{

    /// <summary>Whether Admins must use two-factor sign-in. Default off.</summary>
    public async Task<bool> RequireAdminTwoFactorAsync(CancellationToken ct = default) =>
        await GetAsync(SettingKeys.RequireAdminTwoFactor, ct) == "true";

    public Task SetRequireAdminTwoFactorAsync(bool value, Actor actor, CancellationToken ct = default) =>
        SetAsync(SettingKeys.RequireAdminTwoFactor, value ? "true" : "false", actor, ct);

    /// <summary>
    /// Whether the public site shows testimonials' star ratings. Default off: a rating helps editors choose, and a row
    /// of stars beside a person's words reads as a product review. Read once per request, however many testimonials.
    /// </summary>
    public async Task<bool> ShowTestimonialRatingsAsync(CancellationToken ct = default) =>
        _showTestimonialRatings ??= await GetAsync(SettingKeys.ShowTestimonialRatings, ct) == "true";

    public Task SetShowTestimonialRatingsAsync(bool value, Actor actor, CancellationToken ct = default) =>
        SetAsync(SettingKeys.ShowTestimonialRatings, value ? "true" : "false", actor, ct);

    private bool? _showTestimonialRatings;

    public async Task<string?> GetAsync(string key, CancellationToken ct = default) =>
        await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).SingleOrDefaultAsync(ct);

    /// <summary>Stores a setting and writes who changed it to the audit log.</summary>
    public Task SetAsync(string key, string value, Actor actor, CancellationToken ct = default) => db.WriteAsync(async c =>
    {
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, c);
        if (setting is null) db.Settings.Add(new SiteSetting { Key = key, Value = value });
        else if (setting.Value == value) return;
        else setting.Value = value;
        db.Audit(clock, actor, AuditActions.SettingsChanged, AuditTargets.Setting(key), value.Length <= 200 ? value : value[..200] + "…");
    }, ct);
}
