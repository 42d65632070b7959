using Khilafat.Web.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Khilafat.Web.Accounts;

/// <summary>
/// When the "require two-factor for Admins" setting is on, an Admin without it set up is sent to set it up before
/// any other admin page opens.
/// </summary>
public sealed class RequireAdminTwoFactorFilter(SiteSettingsStore settings, UserManager<SiteUser> users) : IAsyncPageFilter
{
    public const string SetupPage = "/Admin/Account/TwoFactor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (page != SetupPage && context.HttpContext.User.IsInRole(Roles.Admin) && await settings.RequireAdminTwoFactorAsync(context.HttpContext.RequestAborted))
        {
            var user = await users.GetUserAsync(context.HttpContext.User);
            if (user is { TwoFactorEnabled: false })
            {
                context.Result = new RedirectToPageResult(SetupPage, new { required = true });
                return;
            }
        }
        await next();
    }
}
