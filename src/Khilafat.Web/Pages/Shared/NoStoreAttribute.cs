using Microsoft.AspNetCore.Mvc.Filters;

namespace Khilafat.Web.Pages.Shared;

/// <summary>
/// Tells browsers and proxies never to keep the response: admin pages (account lists, the audit log) and error pages.
/// A result filter, because Razor Pages run those (not action filters, which [ResponseCache] is).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoStoreAttribute : Attribute, IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        // A page that streamed its own body (the CSV export) has sent its headers already, and set these itself.
        if (context.HttpContext.Response.HasStarted) return;
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store, no-cache";
        headers.Pragma = "no-cache";
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
