using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Pages.Admin;

/// <summary>
/// A date an editor means: in the years 2000 to 2199. Further off (a year typed with a digit too many, or 9999), the
/// time zone's conversion and what is scheduled from the date (a reminder before an event, signers' erasure days after
/// a petition closes) leave DateTime's range, and the save failed with an error page instead of a word beside the field.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlausibleDateAttribute() : ValidationAttribute("Choose a date in the years 2000 to 2199.")
{
    private static readonly DateTime Earliest = new(2000, 1, 1), Latest = new(2200, 1, 1);

    public override bool IsValid(object? value) => value is not DateTime date || (date >= Earliest && date < Latest);
}
