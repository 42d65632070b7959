using System.Globalization;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Khilafat.Web.Pages.Admin.Updates;

public enum AudienceChoice { Everyone = 0, Languages = 1, Countries = 2 }

/// <summary>The audience an editor chooses on the send page, as the form posts it (kept as typed when it is sent back).</summary>
public sealed class SendForm
{
    public AudienceChoice Audience { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public MissingTranslation MissingTranslation { get; set; }

    /// <summary>"Email it again": ticked on the confirmation of an update emailed before, whose audience would get it twice.</summary>
    public bool SendAgain { get; set; }

    /// <summary>Puts a message beside each field that does not say who to send to.</summary>
    public void Validate(ModelStateDictionary modelState, string prefix)
    {
        if (Audience == AudienceChoice.Languages)
        {
            if (Languages.Count == 0) modelState.AddModelError(prefix + nameof(Languages), "Tick at least one language, or choose all confirmed subscribers.");
            else if (!Languages.All(SiteCultures.IsSupported)) modelState.AddModelError(prefix + nameof(Languages), "Tick only the languages listed.");
        }
        if (Audience == AudienceChoice.Countries)
        {
            if (Countries.Count == 0) modelState.AddModelError(prefix + nameof(Countries), "Choose at least one country, or choose all confirmed subscribers.");
            else if (!Countries.All(c => MailingList.Countries.IsKnown(c))) modelState.AddModelError(prefix + nameof(Countries), "Choose only countries from the list.");
        }
    }

    /// <summary>The audience the engine counts and sends to: only the choice the editor made counts, whatever else is ticked.</summary>
    public SendAudience ToAudience() => Audience switch
    {
        AudienceChoice.Languages => new SendAudience([.. Languages.Distinct()], [], MissingTranslation),
        AudienceChoice.Countries => new SendAudience([], [.. Countries.Distinct()], MissingTranslation),
        _ => new SendAudience([], [], MissingTranslation),
    };
}

/// <summary>How the admin pages name an audience and a language, on the send page and the progress page alike.</summary>
public static class SendWords
{
    public static string Language(string culture) => CultureInfo.GetCultureInfo(culture).EnglishName;

    public static string Audience(string? languages, string? countries)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(languages)) parts.Add("whose language is " + Or(languages.Split(',').Select(Language)));
        if (!string.IsNullOrEmpty(countries)) parts.Add("in " + Or(countries.Split(',').Select(c => $"{MailingList.Countries.Name(c)} ({c})")));
        return parts.Count == 0 ? "All confirmed subscribers" : "Confirmed subscribers " + string.Join(" and ", parts);
    }

    /// <summary>What happens to subscribers whose language has no published translation, as the end of a sentence.</summary>
    public static string Missing(MissingTranslation choice) => choice == Khilafat.Web.Updates.MissingTranslation.Skip ? "are left out" : "get the English";

    /// <summary>"English", "English and Arabic", "English, Arabic and Urdu".</summary>
    public static string And(IEnumerable<string> items) => Join(items, "and");

    private static string Or(IEnumerable<string> items) => Join(items, "or");

    private static string Join(IEnumerable<string> items, string word)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + $" {word} " + list[^1];
    }
}
