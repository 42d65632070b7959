using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Khilafat.Web.Localization;

/// <summary>
/// The language comes from the path (/ar/..., /ur/...), never from a cookie or the browser's headers, so every URL
/// always shows the same language. An error page shown in place of a request takes that request's language.
/// </summary>
public sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? httpContext.Request.Path.Value
            ?? "/";
        var (culture, _) = SiteCultures.Split(path);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }
}
