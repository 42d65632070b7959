using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages;

/// <summary>
/// The friendly page for every error status: re-executed by the status-code and exception middleware (for any
/// method, so it checks no anti-forgery token: it changes nothing), never cached, never showing details.
/// </summary>
[IgnoreAntiforgeryToken]
[Shared.NoStore]
public class ErrorModel(IStringLocalizer<SharedResource> t, ILogger<ErrorModel> logger) : PageModel, IPageMeta
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public bool NoIndex => true;

    // Runs for every method, with or without a handler: a failed POST is re-executed here as a POST. There is no OnPost,
    // so nothing here takes a form (a re-executed body may be unreadable) and there is no POST handler without a token.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => Show();

    public void OnGet()
    {
    }

    private void Show()
    {
        // /error/404 names the code; a re-executed request has it in its status already.
        int? code = int.TryParse(RouteData.Values["code"]?.ToString(), out var routeCode) ? routeCode : Response.StatusCode;
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (exception?.Error is BadHttpRequestException bad)
        {
            // The server refused to read the request (too large, malformed): the client's error, noted but not alarming.
            logger.LogInformation("Refused a bad request on {Method} {Path}: {Reason}", HttpContext.Request.Method, exception.Path, bad.Message);
            code = bad.StatusCode;
        }
        else if (exception is not null)
        {
            logger.LogError(exception.Error, "Unhandled error on {Method} {Path}", HttpContext.Request.Method, exception.Path);
            code = StatusCodes.Status500InternalServerError;
        }
        Code = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;

        (Title, Message) = Code switch
        {
            404 or 410 => (t["Page not found"], t["We could not find the page you asked for. It may have moved, or the address may be mistyped."]),
            400 => (t["Bad request"], t["The request could not be understood. Please go back and try again."]),
            403 => (t["Access denied"], t["You do not have permission to see this page."]),
            405 => (t["Not allowed"], t["That kind of request is not allowed here."]),
            413 => (t["Too much data"], t["What you sent is larger than this site accepts. Please shorten it and try again."]),
            414 => (t["Address too long"], t["The address you asked for is too long."]),
            429 => (t["Too many requests"], t["You have sent a lot of requests in a short time. Please wait a few minutes and try again."]),
            503 => (t["Temporarily unavailable"], t["The site is briefly unavailable. Please try again in a few minutes."]),
            >= 500 => (t["Something went wrong"], t["Sorry, something went wrong on our side. It has been logged and we will look into it. Please try again later."]),
            _ => (t["Something went wrong"], t["The request could not be completed."]),
        };
    }
}
