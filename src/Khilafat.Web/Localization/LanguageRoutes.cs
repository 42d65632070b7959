using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Khilafat.Web.Localization;

/// <summary>Gives each public page a second route with the language first: /statement also answers as /{culture}/statement.</summary>
public static class LanguageRoutes
{
    /// <summary>The language segment: only the site's other languages, so /ar is a language and /arabic is a page slug.</summary>
    public const string Segment = "{culture:" + TranslationRouteConstraint.Name + "}";

    // The admin area, sign-in and first-run setup are for editors and stay in English; error pages take the language of
    // the request they stand in for.
    private static readonly string[] EnglishOnly = ["/Admin/", "/Account/", "/Setup", "/Error"];

    /// <summary>Whether the page (its view engine path, "/Account/SignIn") is in English only, with no address in the other languages.</summary>
    public static bool IsEnglishOnly(string page) =>
        page != "/Error" && EnglishOnly.Any(prefix => page.StartsWith(prefix, StringComparison.Ordinal));

    public static void Add(PageRouteModel model)
    {
        if (EnglishOnly.Any(prefix => model.ViewEnginePath.StartsWith(prefix, StringComparison.Ordinal))) return;
        foreach (var selector in model.Selectors.ToList())
        {
            if (selector.AttributeRouteModel?.Template is not { } template) continue;
            model.Selectors.Add(new SelectorModel
            {
                // Tried first, so a link made with a culture gets the /ar/ form rather than ?culture=ar.
                // Suppressed where the original is (/index beside /), so a link to the home page in a language is /ar, not /ar/index.
                AttributeRouteModel = new AttributeRouteModel
                {
                    Template = AttributeRouteModel.CombineTemplates(Segment, template), Order = -1,
                    SuppressLinkGeneration = selector.AttributeRouteModel.SuppressLinkGeneration,
                },
            });
        }
    }
}
