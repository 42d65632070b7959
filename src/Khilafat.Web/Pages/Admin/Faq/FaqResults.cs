using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Khilafat.Web.Pages.Admin.Faq;

internal static class FaqResults
{
    /// <summary>Puts the FAQ editor's field errors beside the fields of the form bound as "Input".</summary>
    public static void AddTo(this Dictionary<string, string> errors, ModelStateDictionary modelState)
    {
        foreach (var (field, message) in errors) modelState.AddModelError("Input." + field, message);
    }
}
