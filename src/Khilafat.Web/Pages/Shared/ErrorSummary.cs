using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Khilafat.Web.Pages;

/// <summary>What _ErrorSummary lists, and what it tells the layout.</summary>
public static class ErrorSummary
{
    /// <summary>
    /// Set in the request's items when a page shows the summary, so that the layout puts "Error:" before its title (a
    /// partial's ViewData is a copy: what it sets there never reaches the layout).
    /// </summary>
    public const string ShownKey = "ErrorSummaryShown";

    /// <summary>
    /// Adds a service's own checks (<paramref name="errors"/>, keyed by field) to a form that binding already found wrong
    /// ("abc" for a number), for the fields binding let through: every mistake is shown at once, not one batch after
    /// another.
    /// </summary>
    public static void AddWhereNone(this ModelStateDictionary modelState, string prefix, IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
            if (modelState.GetFieldValidationState(prefix + "." + field) != ModelValidationState.Invalid) modelState.AddModelError(prefix + "." + field, message);
    }

    /// <summary>
    /// The errors in the order of the fields on the form (the input model's properties are declared in that order):
    /// the form's own messages first, then each field's. ModelState alone lists them as they were bound and validated,
    /// which puts a field nothing was sent for (no star chosen) after the ones below it.
    /// </summary>
    public static IReadOnlyList<(string Key, string Message)> InFieldOrder(ViewDataDictionary viewData) =>
        viewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select((e, seen) => (e.Key, Errors: e.Value!.Errors, Position: Position(viewData.ModelMetadata, e.Key), Seen: seen))
            .OrderBy(e => e.Position, PositionComparer.Instance).ThenBy(e => e.Seen)
            .SelectMany(e => e.Errors.Select(error => (e.Key, error.ErrorMessage)))
            .ToList();

    // "Input.Email" → [index of Input among the page's properties, index of Email among Input's]; unknown names last.
    private static int[] Position(ModelMetadata? metadata, string key)
    {
        if (string.IsNullOrEmpty(key)) return [-1];
        var position = new List<int>();
        foreach (var name in key.Split('.'))
        {
            var property = name.Split('[')[0];
            var index = metadata is null ? -1 : IndexOf(metadata.Properties, property);
            if (index < 0) { position.Add(int.MaxValue); break; }
            position.Add(index);
            metadata = metadata!.Properties[index];
        }
        return [.. position];
    }

    private static int IndexOf(ModelPropertyCollection properties, string name)
    {
        for (var i = 0; i < properties.Count; i++)
            if (string.Equals(properties[i].PropertyName, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private sealed class PositionComparer : IComparer<int[]>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            return x.Length.CompareTo(y.Length);
        }
    }
}
