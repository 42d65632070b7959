using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>How long petitions keep their signers' names and emails. Section "Petitions".</summary>
public sealed class PetitionOptions
{
    public const string Section = "Petitions";

    /// <summary>
    /// Days after a petition closes at which its signers' names and emails are erased; their country and dates stay, so
    /// the count and the delivery record do. Default 180: time to deliver it and answer questions about it.
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Petitions:EraseSignersAfterDays must be between 1 and 3650.")]
    public int EraseSignersAfterDays { get; set; } = 180;
}
