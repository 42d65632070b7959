using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Shared;

/// <summary>
/// A page answers GET and HEAD, and the methods it has handlers for; anything else (TRACE, PUT, PROPFIND...) is 405
/// with an Allow header. Without it Razor Pages renders a page for any method, skipping its OnGet, and the page
/// fails on the data OnGet would have loaded: a 500 and a stack trace in the log for every probe. An authorization
/// filter that runs first, so the anti-forgery check does not answer such a request with a 400 instead.
/// </summary>
public sealed class KnownMethodsFilter : IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page) return;
        var http = context.HttpContext;
        // The error page stands in for a request of any method; refusing that method again would leave it blank.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null) return;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) return;
        if (page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase))) return;

        var allowed = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Prepend("HEAD").Prepend("GET").Distinct();
        http.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
