using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Subscribers;

/// <summary>The list's filters as they arrive in the query string (?q=&amp;status=&amp;country=&amp;language=&amp;bouncing=), shared by the list and the export.</summary>
public sealed class SubscriberQuery
{
    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "status")]
    public SubscriberStatus? Status { get; set; }

    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    [FromQuery(Name = "language")]
    public string? Language { get; set; }

    /// <summary>Only subscribers marked as bouncing (?bouncing=true).</summary>
    [FromQuery(Name = "bouncing")]
    public bool Bouncing { get; set; }

    public SubscriberFilter ToFilter() =>
        new(Search is { Length: > 200 } ? Search[..200] : Search, Status, string.IsNullOrEmpty(Country) ? null : Country.ToUpperInvariant(),
            Khilafat.Web.Localization.SiteCultures.IsSupported(Language) ? Language : null, Bouncing);
}
