using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>Events and their RSVPs. Section "Events".</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>Days after an event ends when its attendees' names and emails are erased (the numbers stay). Default 30.</summary>
    [Range(0, 3650, ErrorMessage = "Events:EraseAttendeesAfterDays must be between 0 and 3650.")]
    public int EraseAttendeesAfterDays { get; set; } = 30;
}
