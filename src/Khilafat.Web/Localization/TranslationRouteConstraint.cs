namespace Khilafat.Web.Localization;

/// <summary>
/// The route constraint <c>{culture:translation}</c>: one of the site's languages other than English, in any case, and
/// nothing more (no trailing line break, as a regex's "$" would let through), so /ar is a language and /arabic a slug.
/// </summary>
public sealed class TranslationRouteConstraint : IRouteConstraint
{
    /// <summary>The name routes use for it, as registered in RouteOptions.ConstraintMap.</summary>
    public const string Name = "translation";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string culture
        && SiteCultures.All.Any(c => c != SiteCultures.Default && string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
}
