using System.Globalization;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Khilafat.Web.UnitTests.Localization;

/// <summary>The language as the first segment of an address: which pages get it, and which segments are languages.</summary>
public class LanguageRoutesTests
{
    private static PageRouteModel Page(string viewEnginePath, params string[] templates)
    {
        var model = new PageRouteModel(viewEnginePath.TrimStart('/') + ".cshtml", viewEnginePath);
        foreach (var template in templates) model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template } });
        return model;
    }

    /// <summary>Whether the language segment's own constraint, as routing applies it, accepts <paramref name="value"/>.</summary>
    private static bool SegmentAccepts(string value)
    {
        var parameter = Assert.Single(RoutePatternFactory.Parse(LanguageRoutes.Segment).Parameters);
        var policy = Assert.Single(parameter.ParameterPolicies).Content!;
        Assert.Equal(TranslationRouteConstraint.Name, policy);
        var constraint = new TranslationRouteConstraint();
        return constraint.Match(new DefaultHttpContext(), null, parameter.Name, new RouteValueDictionary { [parameter.Name] = value }, RouteDirection.IncomingRequest);
    }

    [Fact]
    public void APublicPage_GetsASecondRoute_WithTheLanguageFirst_TriedBeforeTheEnglishOne()
    {
        var model = Page("/Statement", "statement");

        LanguageRoutes.Add(model);

        Assert.Equal(2, model.Selectors.Count);
        var localized = model.Selectors[1].AttributeRouteModel!;
        Assert.Equal(LanguageRoutes.Segment + "/statement", localized.Template);
        Assert.Equal(-1, localized.Order);
        Assert.Equal("statement", model.Selectors[0].AttributeRouteModel!.Template);
    }

    [Fact]
    public void TheHomePage_AnswersAtTheLanguageAlone()
    {
        var model = Page("/Index", "");

        LanguageRoutes.Add(model);

        Assert.Equal(LanguageRoutes.Segment, model.Selectors[1].AttributeRouteModel!.Template);
    }

    [Fact]
    public void APageWithSeveralRoutes_GetsALanguageRouteForEach()
    {
        var model = Page("/ContentPage", "{slug}", "pages/{slug}");

        LanguageRoutes.Add(model);

        Assert.Equal(["{slug}", "pages/{slug}", LanguageRoutes.Segment + "/{slug}", LanguageRoutes.Segment + "/pages/{slug}"],
            model.Selectors.Select(s => s.AttributeRouteModel!.Template));
    }

    [Theory]
    [InlineData("/Admin/Index", "admin")]
    [InlineData("/Admin/Pages/Edit", "admin/pages/edit/{id:int}")]
    [InlineData("/Account/SignIn", "account/sign-in")]
    [InlineData("/Setup", "setup")]
    [InlineData("/Error", "error")]
    public void AdminSignInSetupAndErrorPages_StayInEnglish(string viewEnginePath, string template)
    {
        var model = Page(viewEnginePath, template);

        LanguageRoutes.Add(model);

        Assert.Equal([template], model.Selectors.Select(s => s.AttributeRouteModel!.Template));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("ur")]
    [InlineData("AR")]
    public void TheLanguageSegment_IsOneOfTheSitesOtherLanguages(string segment)
    {
        Assert.True(SegmentAccepts(segment));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("arabic")]
    [InlineData("urdu")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("ar-SA")]
    [InlineData("ar\n")]
    [InlineData("ur\n")]
    public void AnythingElse_IsNotALanguage_SoItCanBeAPageSlug(string segment)
    {
        Assert.False(SegmentAccepts(segment));
    }

    [Theory]
    [InlineData("en", "/statement", "/statement")]
    [InlineData("ar", "/statement", "/ar/statement")]
    [InlineData("ur", "/faq", "/ur/faq")]
    [InlineData("ar", "/", "/ar")]
    [InlineData("ur", "/", "/ur")]
    [InlineData("fr", "/statement", "/statement")]
    public void PathFor_PutsTheLanguageFirst_ButNotEnglishOrAnUnknownLanguage(string culture, string path, string expected)
    {
        Assert.Equal(expected, SiteCultures.PathFor(culture, path));
    }

    [Theory]
    [InlineData("/ar/faq", "ar", "/faq")]
    [InlineData("/ar", "ar", "/")]
    [InlineData("/ur/", "ur", "/")]
    [InlineData("/AR/Statement", "ar", "/Statement")]
    [InlineData("/statement", "en", "/statement")]
    [InlineData("/", "en", "/")]
    [InlineData("/arabic", "en", "/arabic")]
    [InlineData("/urdu/faq", "en", "/urdu/faq")]
    [InlineData("/en/faq", "en", "/en/faq")]
    [InlineData("", "en", "")]
    public void Split_ReadsTheLanguageFromTheFirstSegmentOnly(string path, string culture, string rest)
    {
        Assert.Equal((culture, rest), SiteCultures.Split(path));
    }

    [Fact]
    public void Split_UndoesPathFor_InEveryLanguage()
    {
        foreach (var culture in SiteCultures.All)
            foreach (var path in new[] { "/", "/statement", "/faq", "/testimonials/share", "/join/thanks" })
                Assert.Equal((culture, path), SiteCultures.Split(SiteCultures.PathFor(culture, path)));
    }

    [Theory]
    [InlineData("en", false, "English")]
    [InlineData("ar", true, "العربية")]
    [InlineData("ur", true, "اردو")]
    public void EachLanguage_HasItsDirectionAndItsOwnName(string culture, bool rightToLeft, string name)
    {
        Assert.True(SiteCultures.IsSupported(culture));
        Assert.Equal(rightToLeft, SiteCultures.IsRightToLeft(culture));
        Assert.Equal(name, SiteCultures.NativeName(culture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr")]
    [InlineData("AR")]
    [InlineData("ar-SA")]
    public void OnlyTheSitesThreeLanguages_AreSupported(string? culture)
    {
        Assert.False(SiteCultures.IsSupported(culture));
    }

    [Theory]
    [InlineData("ar", "ar", "/ar/faq")]
    [InlineData("ur", "ur", "/ur/faq")]
    [InlineData("en", "en", "/faq")]
    [InlineData("fr", "en", "/faq")]
    public void In_RunsInTheLanguage_OrInEnglish_AndRestoresTheCultureAfter(string culture, string current, string href)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

        var seen = SiteCultures.In(culture, () => (SiteCultures.Current, SiteCultures.Href("/faq"), CultureInfo.CurrentCulture.TwoLetterISOLanguageName));

        Assert.Equal((current, href, current), seen);
        Assert.Equal(ui, CultureInfo.CurrentUICulture);
        Assert.Equal(formatting, CultureInfo.CurrentCulture);
    }

    [Fact]
    public void In_RestoresTheCulture_EvenWhenTheWorkFails()
    {
        var ui = CultureInfo.CurrentUICulture;

        Assert.Throws<InvalidOperationException>(() => SiteCultures.In<int>("ar", () => throw new InvalidOperationException()));

        Assert.Equal(ui, CultureInfo.CurrentUICulture);
    }
}
