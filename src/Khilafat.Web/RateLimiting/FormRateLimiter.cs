using System.Net;
using System.Threading.RateLimiting;
using Khilafat.Web.MailingList;
using Khilafat.Web.Options;
using Khilafat.Web.Privacy;
using Khilafat.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.RateLimiting;

/// <summary>
/// The public forms' limits (join, testimonials, petitions, RSVPs), taken by the page's handler once a submission has
/// passed validation: a mistake corrected is not a second submission, and a refused one re-renders the form with
/// everything typed (<see cref="FormRateLimiterExtensions.TooManySubmissions"/>). Two counts: per network address
/// (high, since a vigil on shared Wi-Fi or a carrier's shared address is many people on one IP) and per email address
/// (low, so that one person cannot flood a form from anywhere). Counted in this process by
/// <see cref="SlidingWindowCounts"/>, or in Redis as the middleware's policies are.
/// </summary>
public sealed class FormRateLimiter : IAsyncDisposable
{
    private readonly IOptions<RateLimitOptions> _options;
    private readonly SiteKeys _keys;
    private readonly SlidingWindowCounts? _inProcess;
    // In Redis each key's partition holds no count of its own, so the partitioned limiter drops it 10 s after its use.
    private readonly PartitionedRateLimiter<Count>? _inRedis;

    public FormRateLimiter(IServiceProvider services, IOptions<RateLimitOptions> options, SiteKeys keys, TimeProvider clock, bool inRedis)
    {
        _options = options;
        _keys = keys;
        if (inRedis) _inRedis = PartitionedRateLimiter.Create<Count, string>(count => RateLimits.SlidingWindow(services, count.Key, count.Limit, count.Window, inRedis: true));
        else _inProcess = new SlidingWindowCounts(clock);
    }

    /// <summary>
    /// Takes one submission of <paramref name="policy"/>'s form from <paramref name="ip"/>, and for
    /// <paramref name="email"/> (normalized) when the form has one. Null when it may go ahead, else why not and how long to wait.
    /// </summary>
    public async Task<FormLimitRefusal?> TakeAsync(string policy, IPAddress? ip, string? email, CancellationToken ct)
    {
        var options = _options.Value;
        // The network first: a flood from one address is refused before it can use up anyone's email count.
        var perIp = new Count($"{policy}:{RateLimits.AddressKey(ip)}", PerIpLimit(policy, options), options.Window);
        if (await TakeAsync(perIp, ct) is { } wait) return new FormLimitRefusal(FormLimitReason.Network, wait);
        if (string.IsNullOrEmpty(email)) return null;
        // Counted per mailbox: "Rate@…" and "rate+2@…" are the same inbox, as the list and its confirmations count them.
        // Keyed hashes only: in Redis the key outlives the request, and an address is personal data.
        var (local, domain) = EmailAddresses.Mailbox(email);
        var perEmail = new Count($"{policy}:email:{await _keys.HashEmailAsync(local + "@" + domain)}", options.PerEmail, options.PerEmailWindow);
        return await TakeAsync(perEmail, ct) is { } emailWait ? new FormLimitRefusal(FormLimitReason.EmailAddress, emailWait) : null;
    }

    private async ValueTask<TimeSpan?> TakeAsync(Count count, CancellationToken ct)
    {
        if (_inProcess is not null) return _inProcess.TryTake(count.Key, count.Limit, count.Window);
        using var lease = await _inRedis!.AcquireAsync(count, 1, ct);
        return lease.IsAcquired ? null : RateLimits.RetryAfter(lease, count.Window);
    }

    private static int PerIpLimit(string policy, RateLimitOptions options) => policy switch
    {
        RateLimitPolicies.SignUps => options.SignUps,
        RateLimitPolicies.Testimonials => options.Testimonials,
        RateLimitPolicies.Petitions => options.Petitions,
        RateLimitPolicies.Rsvps => options.Rsvps,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a public form's policy."),
    };

    public ValueTask DisposeAsync() => _inRedis?.DisposeAsync() ?? ValueTask.CompletedTask;

    private readonly record struct Count(string Key, int Limit, TimeSpan Window);
}

public enum FormLimitReason
{
    /// <summary>Too many submissions from the visitor's network address.</summary>
    Network,

    /// <summary>Too many submissions with the email address given.</summary>
    EmailAddress,
}

/// <summary>Why a submission was refused, and how long until one would be taken.</summary>
public sealed record FormLimitRefusal(FormLimitReason Reason, TimeSpan RetryAfter);

public static class FormRateLimiterExtensions
{
    /// <summary>
    /// The form again, with everything typed and the reason at the top of its error summary, answered 429 with
    /// Retry-After. Nothing was kept.
    /// </summary>
    public static PageResult TooManySubmissions(this PageModel page, FormLimitRefusal refusal, IStringLocalizer t)
    {
        page.ModelState.AddModelError("", refusal.Reason == FormLimitReason.Network
            ? t["Too many submissions from your network just now. Please wait a minute and send again."]
            : t["Too many submissions with this email address just now. Please send again later."]);
        page.Response.Headers.RetryAfter = ((int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        return result;
    }
}
