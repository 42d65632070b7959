using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>How long the mailing list keeps what it need not. Section "MailingList".</summary>
public sealed class MailingListOptions
{
    public const string Section = "MailingList";

    /// <summary>
    /// A sign-up never confirmed is erased (with its emails) this long after it was made. Default 30 days: the
    /// confirmation link works for 7, so a person who meant it has long since confirmed or signed up again.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "MailingList:ErasePendingAfter must be between 1 and 3650 days.")]
    public TimeSpan ErasePendingAfter { get; set; } = TimeSpan.FromDays(30);
}
