using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Khilafat.Web.Pages.Admin.Pages;

internal static class PageEditorResults
{
    /// <summary>Puts the editor service's field errors beside the fields of the form bound as "Input".</summary>
    public static void AddTo(this PageSaveResult.Invalid invalid, ModelStateDictionary modelState)
    {
        foreach (var (field, message) in invalid.Errors) modelState.AddModelError("Input." + field, message);
    }
}
