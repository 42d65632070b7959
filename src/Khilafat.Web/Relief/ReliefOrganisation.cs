namespace Khilafat.Web.Relief;

/// <summary>
/// An organisation the movement points supporters to for humanitarian relief. The site never handles money: it links
/// to the organisation, and says which charity registry vouches for it and when an editor last checked that.
/// </summary>
public class ReliefOrganisation
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 1000;
    public const int RegistryMaxLength = 200;
    public const int RegistrationNumberMaxLength = 100;
    public const int UrlMaxLength = 500;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>What they do and where, in a sentence or two, as readers see it.</summary>
    public required string Description { get; set; }

    /// <summary>The charity registry that lists them ("Charity Commission for England and Wales"); empty for bodies no registry covers.</summary>
    public string Registry { get; set; } = "";

    /// <summary>Their number in <see cref="Registry"/>.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>Their own web address, where supporters give (http or https).</summary>
    public required string Url { get; set; }

    /// <summary>Lower first; ties by name.</summary>
    public int SortOrder { get; set; }

    /// <summary>When an editor last checked the registry entry and the link; null until someone does.</summary>
    public DateTime? LastCheckedAt { get; set; }

    /// <summary>Who checked, kept as text so it still reads right after the account is gone.</summary>
    public string? LastCheckedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
