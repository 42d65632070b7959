using Khilafat.Web.Localization;

namespace Khilafat.Web.Audit;

/// <summary>
/// What an audit entry names as its target, one helper per kind. The strings are stored and searched (the sign-in
/// throttle counts failures by target), so never change one's shape.
/// </summary>
public static class AuditTargets
{
    /// <summary>"page:statement", "faq:how-can-i-help:ar": a versioned text of a kind, in a language.</summary>
    public static string Text(string kind, string address, string culture = SiteCultures.Default) =>
        $"{kind}:{address}" + (culture == SiteCultures.Default ? "" : ":" + culture);

    public static string Page(string slug, string culture = SiteCultures.Default) => Text(Content.TextKinds.Page, slug, culture);

    public static string Faq(string anchor, string culture = SiteCultures.Default) => Text(Content.TextKinds.Faq, anchor, culture);

    /// <summary>An update by its id (its sends and tests; its texts are named by <see cref="Text"/>).</summary>
    public static string Update(int id) => $"update:#{id}";

    /// <summary>One emailing of an update to the list.</summary>
    public static string Send(int id) => $"send:#{id}";

    /// <summary>A background job, by its kind and key.</summary>
    public static string Job(string kind, string key) => key.Length == 0 ? $"job:{kind}" : $"job:{kind}:{key}";

    public static string Testimonial(int id) => $"testimonial:#{id}";

    public static string Subscriber(int id) => $"subscriber:#{id}";

    /// <summary>The mailing list as a whole (export, import).</summary>
    public const string Subscribers = "subscribers";

    public static string Account(string? email) => "user:" + email;

    /// <summary>One outbox message, or the whole outbox.</summary>
    public static string Outbox(long? id) => id is null ? "outbox" : $"outbox:#{id}";

    /// <summary>A site setting, named by its key.</summary>
    public static string Setting(string key) => key;

    /// <summary>Where a sign-in came from: the client address hashed with the site key, never the address itself.</summary>
    public static string ClientAddress(string? hashedAddress) => "ip:" + (hashedAddress ?? "unknown");

    /// <summary>A relief organisation by its id.</summary>
    public static string Relief(int id) => $"relief:#{id}";
    /// <summary>An event by its id (its RSVPs, export and erasure; its texts are named by <see cref="Text"/>).</summary>
    public static string Event(int id) => $"event:#{id}";
    /// <summary>An image of the media library.</summary>
    public static string Media(int id) => $"media:#{id}";
    /// <summary>A petition by its address (its state, signatures, export and erasure; its texts are named by <see cref="Text"/>).</summary>
    public static string Petition(string slug) => Text(Content.TextKinds.Petition, slug);

    /// <summary>One signature of a petition.</summary>
    public static string Signature(long id) => $"signature:#{id}";

    /// <summary>One menu in one language ("menu:header/ar").</summary>
    public static string Menu(string menu, string culture) => $"menu:{menu}/{culture}";
}
