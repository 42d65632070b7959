using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>Events and their RSVPs. Section "Events".</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>Days after an event ends when its attendees' names and emails are erased (the numbers stay). Default 30.</summary>
    [Range(0, 3650, ErrorMessage = "Events:EraseAttendeesAfterDays must be between 0 and 3650.")]
    public int EraseAttendeesAfterDays { get; set; } = 30;

    /// <summary>
    /// Days an event postponed with no new date keeps its attendees' names and emails, so they can be told the date;
    /// then they are erased as after an event, unless a new date was set. Default 90.
    /// </summary>
    [Range(0, 3650, ErrorMessage = "Events:EraseAttendeesOfUndatedAfterDays must be between 0 and 3650.")]
    public int EraseAttendeesOfUndatedAfterDays { get; set; } = 90;
}
