using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

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
        if (IsNotFound(context)) return "/";
        var values = ShownRouteValues(context);
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

    /// <summary>
    /// Whether the page shown has one language only (the admin, sign-in and account pages, setup; an error in one of
    /// them), so the language switcher is left out rather than leading to a page not found.
    /// </summary>
    public static bool IsSingleLanguage(HttpContext context) =>
        !IsNotFound(context) && ShownRouteValues(context)?["page"] is string page && LanguageRoutes.IsEnglishOnly(page);

    /// <summary>
    /// The query the language switcher keeps ("?token=..." on a confirm, unsubscribe or withdraw page, "?page=2" on a
    /// list), so the same page opens in the other language and still works. An error page keeps none: it leads to the
    /// page that failed, or home. A page the output cache will give everyone keeps only what its entry varies by: the
    /// rest is one visitor's (a tracking id they came with, words a stranger put in a link for others to be served).
    /// </summary>
    public static string SwitcherQuery(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null) return "";
        if (context.Features.Get<IOutputCacheFeature>()?.Context is not { AllowCacheStorage: true } cached) return context.Request.QueryString.Value ?? "";
        var varied = cached.CacheVaryByRules.QueryKeys;
        if (varied.Contains("*")) return context.Request.QueryString.Value ?? "";
        return QueryString.Create(context.Request.Query
            .Where(q => varied.Any(key => string.Equals(key, q.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(q => q.Value.Select(value => KeyValuePair.Create(q.Key, value)))).Value ?? "";
    }

    private static bool IsNotFound(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status410Gone;

    // An error page stands in for the request that failed, so it uses that request's route.
    private static RouteValueDictionary? ShownRouteValues(HttpContext context)
    {
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        return reExecuted is not null ? (reExecuted.Endpoint is null ? null : reExecuted.RouteValues)
            : failed is not null ? (failed.Endpoint is null ? null : failed.RouteValues)
            : context.GetRouteData().Values;
    }
}
