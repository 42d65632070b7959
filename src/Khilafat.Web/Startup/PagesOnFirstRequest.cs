using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Khilafat.Web.Startup;

/// <summary>
/// Each page is loaded (its handlers, bound properties and their metadata, filters, endpoint) the first time a request
/// is routed to it, not all of them while the app maps its pages. Razor Pages, as registered, loads every page there
/// (<see cref="CompiledPageActionDescriptorProvider"/>): about a third of a second of CPU at every start for the site's
/// 107 pages, most of which nobody asks for soon after. Routing needs only the pages' routes; the policy below swaps the
/// page's loaded endpoint in as routing matches it, so every middleware after routing (the output cache, the rate
/// limiter, authorization) sees the loaded page's metadata: its cache policy, its folder's authorization. This is how
/// ASP.NET Core's own runtime compilation serves pages (its PageLoaderMatcherPolicy), with public APIs.
/// AdminAuthorizationTests and CachedPagesTests hold it to that.
/// </summary>
public static class PagesOnFirstRequest
{
    /// <summary>Call after AddRazorPages: it replaces the provider AddRazorPages registers.</summary>
    public static IServiceCollection LoadPagesOnFirstRequest(this IServiceCollection services)
    {
        var everyPageAtOnce = services.SingleOrDefault(d =>
                d.ServiceType == typeof(IActionDescriptorProvider) && d.ImplementationType == typeof(CompiledPageActionDescriptorProvider))
            ?? throw new InvalidOperationException($"{nameof(LoadPagesOnFirstRequest)} replaces what AddRazorPages registers: call it after AddRazorPages.");
        services.Remove(everyPageAtOnce);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDescriptorProvider, PageActionDescriptorProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LoadPageWhenRouted>());
        return services;
    }

    private sealed class LoadPageWhenRouted(PageLoader loader) : MatcherPolicy, IEndpointSelectorPolicy
    {
        // Before every other policy, which may look at what the loaded page carries.
        public override int Order => int.MinValue + 100;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                if (endpoints[i].Metadata.GetMetadata<PageActionDescriptor>() is not null) return true;
            }
            return false;
        }

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                if (Unloaded(candidates, i) is not { } page) continue;
                // The loader keeps each page once loaded, so after a page's first request this is done at once.
                var loading = loader.LoadAsync(page, candidates[i].Endpoint.Metadata);
                if (!loading.IsCompletedSuccessfully) return ApplyLoadingAsync(httpContext, candidates, i, loading);
                candidates.ReplaceEndpoint(i, loading.Result.Endpoint, candidates[i].Values);
            }
            return Task.CompletedTask;
        }

        private async Task ApplyLoadingAsync(HttpContext httpContext, CandidateSet candidates, int i, Task<CompiledPageActionDescriptor> loading)
        {
            candidates.ReplaceEndpoint(i, (await loading).Endpoint, candidates[i].Values);
            // That one is loaded now, and those before it were: the others as before.
            await ApplyAsync(httpContext, candidates);
        }

        /// <summary>The page of a candidate routing may still choose, when it is not loaded yet.</summary>
        private static PageActionDescriptor? Unloaded(CandidateSet candidates, int i) =>
            candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page and not CompiledPageActionDescriptor
                ? page
                : null;
    }
}
