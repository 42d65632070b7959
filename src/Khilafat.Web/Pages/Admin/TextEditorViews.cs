using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin;

/// <summary>What the shared conflict screen (_TextConflict) shows.</summary>
public sealed record TextConflictView(TextSaveResult.Conflict Conflict, IReadOnlyList<DiffLine> Diff, IReadOnlyList<FieldDifference> Fields, string TitleLabel,
    string Culture, string? AddressPrefix);

/// <summary>
/// A field whose stored value (saved by someone else after this editor opened the form) differs from the form's, for the
/// conflict screen: saving again would put the form's value back, so the editor must see both.
/// </summary>
public sealed record FieldDifference(string Field, string Theirs, string Yours)
{
    /// <summary>The named properties whose values differ between two forms of one kind, each by its [Display] name.</summary>
    public static IEnumerable<FieldDifference> Between<TForm>(TForm theirs, TForm yours, params string[] properties)
    {
        foreach (var name in properties)
        {
            var property = typeof(TForm).GetProperty(name) ?? throw new ArgumentException($"{typeof(TForm).Name} has no property {name}.", nameof(properties));
            var (stored, typed) = (Shown(property.GetValue(theirs)), Shown(property.GetValue(yours)));
            if (stored != typed) yield return new FieldDifference(property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? name, stored, typed);
        }
    }

    /// <summary>Title and summary, which the text's own comparison (of the body) does not show.</summary>
    public static IEnumerable<FieldDifference> Between(TextInput theirs, TextInput yours, string titleLabel)
    {
        var typed = yours.Clean();
        if (theirs.Title != typed.Title) yield return new FieldDifference(titleLabel, theirs.Title, typed.Title);
        if (theirs.Summary != typed.Summary) yield return new FieldDifference("Summary", theirs.Summary, typed.Summary);
    }

    private static string Shown(object? value) => value switch
    {
        null => "",
        DateTime at => at.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture),
        bool yes => yes ? "yes" : "no",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}

/// <summary>What the shared button row (_TextActions) offers. With <see cref="PublishByCheckbox"/>, the form's own checkbox says published or not, and its plain submit saves.</summary>
public sealed record TextActionsView(bool IsPublished, bool HasDraft, bool PublishByCheckbox = false, string? PreviewAction = null, bool CanUnpublish = true);
