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

/// <summary>
/// A yes/no value as the site's forms send it: "true" or "false" (the checkbox tag helper's box and its hidden field),
/// or "on", what a browser sends for a box without a value; empty for a value that may be left unset. Anything else
/// ("yes", "1") is forged, and is refused like an undefined enum: ASP.NET Core's own binder keeps such text as the
/// field's attempted value, and the checkbox tag helper then throws converting it when the page shows its form again
/// (a 500 for every form with a box, public ones among them).
/// </summary>
public sealed class YesNoBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new Binder(context.Metadata.IsReferenceOrNullableType) : null;

    private sealed class Binder(bool nullable) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (sent == ValueProviderResult.None) return Task.CompletedTask;
            var text = sent.FirstValue;
            bool? value = text switch
            {
                _ when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "on", StringComparison.OrdinalIgnoreCase) => true,
                _ when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
                _ => null,
            };
            if (value is null && !(nullable && string.IsNullOrEmpty(text)))
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text ?? "", bindingContext.ModelMetadata.GetDisplayName()));
                bindingContext.HttpContext.Items[DefinedEnumBinderProvider.UndefinedKey] = true;
                return Task.CompletedTask;
            }
            // The value as a bool's text, so that showing the form again reads "on" as the box ticked.
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value?.ToString(), sent.ToString());
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Answers 400 to a request that carried an enum value naming no member (see <see cref="DefinedEnumBinderProvider"/>), or
/// a yes/no value no form sends (see <see cref="YesNoBinderProvider"/>).
/// </summary>
public sealed class RejectUndefinedEnumsFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // Taken off as it is answered: the error page, re-executed on the same request, would find it and answer an empty 400.
        if (context.HttpContext.Items.Remove(DefinedEnumBinderProvider.UndefinedKey)) context.Result = new BadRequestResult();
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

/// <summary>
/// Text from a form or an address as the site keeps it: line breaks as "\n", and no control character but the tab and
/// the line break. Browsers send a line break as "\r\n" but count it as one character against a field's maxlength, so
/// a testimonial the field let through was refused as too long; and a NUL byte, which no keyboard types, is refused by
/// PostgreSQL's text columns (a 500) where SQLite keeps it. One binder for every string, so that no form is left out.
/// </summary>
public sealed class FormTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BinderType is null && FromValues(context.BindingInfo.BindingSource) ? new Binder() : null;

    // Where value providers answer (a form, the address); a header, a body or a service is bound as ASP.NET Core binds it.
    private static bool FromValues(BindingSource? source) =>
        source is null || source == BindingSource.ModelBinding || source == BindingSource.Form || source == BindingSource.Query || source == BindingSource.Path;

    /// <summary><paramref name="text"/> with "\r\n" and a lone "\r" as "\n", and control characters other than tab and line break left out.</summary>
    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F')) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                kept.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c is '\t' or '\n' || !char.IsControl(c)) kept.Append(c);
        }
        return kept.ToString();
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (sent == ValueProviderResult.None) return Task.CompletedTask;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, sent);
            var text = sent.FirstValue is { } first ? Clean(first) : null;
            // As ASP.NET Core's own binder: an empty or blank field is null unless the property says otherwise.
            if (string.IsNullOrWhiteSpace(text) && bindingContext.ModelMetadata.ConvertEmptyStringToNull) text = null;
            bindingContext.Result = ModelBindingResult.Success(text);
            return Task.CompletedTask;
        }
    }
}
