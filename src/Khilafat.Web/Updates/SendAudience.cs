using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;

namespace Khilafat.Web.Updates;

/// <summary>
/// Who a send goes to: confirmed subscribers who are not bouncing, in the chosen languages and countries (none
/// chosen: all), less those whose language has no translation when the editor chose to skip them. One definition for
/// the count the editor sees and for the expansion that queues the messages.
/// </summary>
public sealed record SendAudience(IReadOnlyList<string> Languages, IReadOnlyList<string> Countries, MissingTranslation MissingTranslation)
{
    public static SendAudience Everyone { get; } = new([], [], MissingTranslation.SendEnglish);

    public static SendAudience Of(UpdateSend send) => new(Split(send.Languages), Split(send.Countries), send.MissingTranslation);

    /// <summary>Only known languages and countries: they are written into the send's row and compared in queries.</summary>
    public bool IsValid => Languages.All(SiteCultures.IsSupported) && Countries.All(c => MailingList.Countries.IsKnown(c));

    public string? LanguagesValue => Languages.Count == 0 ? null : string.Join(',', Languages);
    public string? CountriesValue => Countries.Count == 0 ? null : string.Join(',', Countries);

    /// <summary>The subscribers this audience reaches, given the languages the update has words in (English always).</summary>
    public IQueryable<Subscriber> Query(SiteDbContext db, IReadOnlyCollection<string> translated)
    {
        var query = db.Subscribers.Where(s => s.Status == SubscriberStatus.Confirmed && s.BouncingSince == null);
        if (Languages.Count > 0)
        {
            var languages = Languages.ToList();
            query = query.Where(s => languages.Contains(s.Language));
        }
        if (Countries.Count > 0)
        {
            var countries = Countries.ToList();
            query = query.Where(s => s.Country != null && countries.Contains(s.Country));
        }
        if (MissingTranslation == MissingTranslation.Skip)
        {
            var available = translated.Append(SiteCultures.Default).Distinct().ToList();
            query = query.Where(s => available.Contains(s.Language));
        }
        return query;
    }

    private static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
