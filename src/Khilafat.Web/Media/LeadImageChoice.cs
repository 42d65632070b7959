using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Media;

/// <summary>
/// An editor's choice of lead image for an item (a page, an update; petitions and events take the same): the image, or
/// none. Passed as null where the editor did not choose (the item keeps the one it has). An item stores it as an
/// <c>int? LeadImageId</c> whose foreign key is let go when the image is deleted (see MediaConfiguration).
/// </summary>
public sealed record LeadImageChoice(int? ImageId)
{
    /// <summary>The form field's name, under which the check's message is keyed.</summary>
    public const string Field = "LeadImageId";

    public const string NotFoundMessage = "Choose an image of the library, or no lead image: this one is not there (deleted meanwhile?).";
}

public static class LeadImages
{
    /// <summary>Adds the field's error when the chosen image is not in the library. Call it inside the item's write.</summary>
    public static async Task CheckLeadImageAsync(this SiteDbContext db, LeadImageChoice? choice, IDictionary<string, string> errors, CancellationToken ct = default)
    {
        if (choice?.ImageId is { } id && !await db.MediaImages.AnyAsync(i => i.Id == id, ct)) errors[LeadImageChoice.Field] = LeadImageChoice.NotFoundMessage;
    }

    /// <summary>Sets the item's lead image when the editor chose; "lead image changed" for its revision's note when it changed.</summary>
    public static string? Apply(LeadImageChoice? choice, int? current, Action<int?> set)
    {
        if (choice is null || choice.ImageId == current) return null;
        set(choice.ImageId);
        return choice.ImageId is null ? "lead image removed" : "lead image changed";
    }
}

/// <summary>An editor form with a lead image field: <c>&lt;partial name="_LeadImageField" for="Input" /&gt;</c> renders it.</summary>
public interface ILeadImageForm
{
    int? LeadImageId { get; set; }
}
