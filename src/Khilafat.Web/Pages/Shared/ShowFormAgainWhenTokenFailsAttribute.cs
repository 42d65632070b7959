using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Shared;

public static class FormMessages
{
    /// <summary>Atop a public form shown again because it had expired: its anti-forgery token, or its time stamp (hours old).</summary>
    public const string Expired = "This form had expired, so nothing was sent. Check what you entered and send it again.";

    /// <summary>Atop a form shown again because it was sent sooner than a person fills it in (autofill and a quick tap can).</summary>
    public const string TooFast = "This form was sent seconds after it opened, so nothing was sent yet. Check what you entered and send it again.";
}

/// <summary>A public form's page that can show its form again as it was sent, having kept and sent nothing.</summary>
public interface IFormShownAgain
{
    /// <summary>The page with its form as bound from the request (as for a mistake beside a field).</summary>
    Task<IActionResult> ShowFormAgainAsync(CancellationToken ct);
}

/// <summary>
/// Anti-forgery for a public form, answering a token that fails with the form again rather than a bare "Bad request".
/// A token stops matching its cookie when the browser drops its session cookies (a tab restored after a restart, a
/// privacy setting that clears them): the error page then loses what the visitor typed, and going back sends the same
/// token again. Here no handler runs with such a token: the page shows its form filled as it was sent, with a fresh
/// token and a message at the top of its error summary, answered 400. It replaces the site-wide check (it is this
/// page's anti-forgery policy), and validates exactly as that check does.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShowFormAgainWhenTokenFailsAttribute : Attribute, IAntiforgeryPolicy, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // A body that could not be read as a form (past the size limits, cut short) has no form to show again: refused
        // as the site-wide check refuses it, 413 or 400, with the error page.
        if (http.Request.HasFormContentType)
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                context.Result = new StatusCodeResult(e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
                return;
            }
        }
        if (context.HandlerMethod?.MethodInfo.IsDefined(typeof(FillsInTheFormAttribute), false) == true
            || await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await next();
            return;
        }
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.ModelState.AddModelError("", t[FormMessages.Expired]);
        var page = context.HandlerInstance as IFormShownAgain
            ?? throw new InvalidOperationException($"{context.HandlerInstance.GetType().Name} has [ShowFormAgainWhenTokenFails] but does not implement {nameof(IFormShownAgain)}.");
        // Refused as the site-wide check refuses: 400, the form with it (or the error page, where there is no form to show).
        if (await page.ShowFormAgainAsync(http.RequestAborted) is PageResult shown)
        {
            shown.StatusCode = StatusCodes.Status400BadRequest;
            context.Result = shown;
        }
        else context.Result = new BadRequestResult();
    }
}

/// <summary>
/// On a handler of a page with <see cref="ShowFormAgainWhenTokenFailsAttribute"/>: the handler only shows the page's
/// form filled in from what was posted, keeps and sends nothing, and so needs no anti-forgery token (a cached page's
/// form, the same for everyone, cannot carry one).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class FillsInTheFormAttribute : Attribute;
