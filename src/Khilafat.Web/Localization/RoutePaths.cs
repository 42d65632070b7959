using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Localization;

/// <summary>The address of the page being shown, without its language prefix, for the language switcher and canonical links.</summary>
public static class RoutePaths
{
    /// <summary>
    /// Built from the route the request matched, never from the raw path, which a visitor writes: /ar//evil.example
    /// would otherwise become a link to //evil.example. An error page stands in for the request that failed, so it
    /// uses that request's route; a page not found (whether no route matched or a page found no content for its slug)
    /// leads to the home page, as the same missing page in another language is no more use.
    /// </summary>
    public static string LanguageNeutral(HttpContext context, IUrlHelper url)
    {
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        if (reExecuted is not null && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status410Gone) return "/";
        var values = reExecuted is not null ? (reExecuted.Endpoint is null ? null : reExecuted.RouteValues)
            : failed is not null ? (failed.Endpoint is null ? null : failed.RouteValues)
            : context.GetRouteData().Values;
        if (values?["page"] is not string page) return "/";

        var explicitValues = new RouteValueDictionary(values);
        explicitValues.Remove("page");
        explicitValues.Remove("handler");
        // Whatever language the link comes out in (the request's own is ambient), the prefix is taken off here.
        var path = url.Page(page, explicitValues);
        if (path is null || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal)) return "/";
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return SiteCultures.Split(query < 0 ? path : path[..query]).Path;
    }
}
