using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Relief;

namespace Khilafat.Web.Pages.Admin.Relief;

/// <summary>The organisation's fields as Create and Edit post them; <see cref="ReliefDirectory.Validate"/> checks them.</summary>
public sealed class ReliefForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "What they do and where")]
    public string? Description { get; set; }

    [Display(Name = "Charity registry")]
    public string? Registry { get; set; }

    [Display(Name = "Registration number")]
    public string? RegistrationNumber { get; set; }

    [Display(Name = "Web address")]
    public string? Url { get; set; }

    [Display(Name = "Order")]
    public int SortOrder { get; set; }

    public ReliefInput ToInput() => new(Name ?? "", Description ?? "", Registry ?? "", RegistrationNumber ?? "", Url ?? "", SortOrder);

    public static ReliefForm From(ReliefListItem item) => new()
    {
        Name = item.Name, Description = item.Description, Registry = item.Registry, RegistrationNumber = item.RegistrationNumber,
        Url = item.Url, SortOrder = item.SortOrder,
    };
}
