using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// The site's endpoints as routing hands them on to the middleware after it: a page's loaded, with what its page model
/// carries (handlers, cache policy, its folder's authorization), as the site's PagesOnFirstRequest policy swaps it in.
/// </summary>
public static class RoutedEndpoints
{
    public static async Task<IReadOnlyList<RouteEndpoint>> ListAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var endpoints = new List<RouteEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            endpoints.Add(endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page
                ? (RouteEndpoint)(await loader.LoadAsync(page, endpoint.Metadata)).Endpoint!
                : endpoint);
        }
        return endpoints;
    }
}
