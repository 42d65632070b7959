using Khilafat.Web.Content;
using Khilafat.Web.Localization;

namespace Khilafat.Web.MailingList;

/// <summary>
/// RFC 8058 one-click unsubscribe: mail providers POST "List-Unsubscribe=One-Click" to the address in the
/// List-Unsubscribe header. It is the one POST without an anti-forgery token: the signed token in its URL is the proof.
/// </summary>
public static class OneClickUnsubscribe
{
    public const string Path = "/unsubscribe/one-click";

    public static IEndpointRouteBuilder MapOneClickUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (string? token, HttpRequest request, MailingListService mailingList, CancellationToken ct) =>
            {
                // RFC 8058 §3.1: the POST carries "List-Unsubscribe=One-Click". A bare POST (a link checker, a prefetch,
                // a script that found the address) is not a request to unsubscribe.
                if (!request.HasFormContentType) return Results.BadRequest();
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(ct);
                }
                // A body that is not the form its type says (cut short, past the form limits): the sender's error, as above.
                catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
                {
                    return Results.BadRequest();
                }
                if (form["List-Unsubscribe"] != "One-Click") return Results.BadRequest();
                return await mailingList.UnsubscribeAsync(token, ct)
                    ? Results.Text("You are unsubscribed.", "text/plain; charset=utf-8")
                    : Results.NotFound();
            })
            // Not rate-limited, unlike the links people open: these come from mail providers' servers, many readers'
            // unsubscribes from one provider's few addresses after a send, and a refused one is not tried again (the
            // reader would stay on the list). A forged or spent token costs a signature check and gets 404.
            .DisableAntiforgery();

        // Mail programs without one-click support open the address instead: show the page with the button.
        endpoints.MapGet(Path, (string? token) => Results.Redirect(SiteUrls.UnsubscribePath(SiteCultures.Default, Uri.EscapeDataString(token ?? ""))));
        return endpoints;
    }
}
