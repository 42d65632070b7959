using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Khilafat.Web.Pages.Shared.TagHelpers;

/// <summary>
/// An email address is written left to right in every language: on an Arabic or Urdu page an email field without
/// its own direction starts at the right and shows "name@example.org" as "example.org@name" while it is typed.
/// Every email field, on every form there is or will be, gets dir="ltr" here rather than each form remembering it.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=email]")]
public sealed class EmailDirectionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("dir")) output.Attributes.SetAttribute("dir", "ltr");
    }
}
