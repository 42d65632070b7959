using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Khilafat.Web.Pages.Shared;

/// <summary>
/// Enums arrive from forms and addresses as text. A value that names no member ("7") must never reach a service,
/// where a <c>switch</c> would take it for its default case. ASP.NET Core's binder refuses it only with a model
/// error that a page may not look at; this binder (every enum, at any depth, in arrays too) marks the request, and
/// <see cref="RejectUndefinedEnumsFilter"/> answers 400 before the handler runs. The site's own forms only ever send
/// defined names, so the refusal is for forged requests.
/// </summary>
public sealed class DefinedEnumBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.UnderlyingOrModelType;
        if (!type.IsEnum) return null;
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new Binder(new EnumTypeModelBinder(suppressBindingUndefinedValueToEnumType: true, type, loggers));
    }

    internal static readonly object UndefinedKey = new();

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.ModelState.GetFieldValidationState(bindingContext.ModelName) == ModelValidationState.Invalid)
                bindingContext.HttpContext.Items[UndefinedKey] = true;
        }
    }
}

/// <summary>Answers 400 to a request that carried an enum value naming no member (see <see cref="DefinedEnumBinderProvider"/>).</summary>
public sealed class RejectUndefinedEnumsFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HttpContext.Items.ContainsKey(DefinedEnumBinderProvider.UndefinedKey)) context.Result = new BadRequestResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    /// <summary>Reads a member of <typeparamref name="T"/> by its exact name only: no numbers, no lists, no undefined values.</summary>
    public static bool TryParseName<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) && Enum.TryParse(text, out value);
    }
}
