using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin;

/// <summary>The fields of a form that publishes a text: whether the change is major, and its note for readers.</summary>
public interface IChangeDescription
{
    bool IsMajorChange { get; set; }
    string? ChangeNote { get; set; }

    /// <summary>What the editor said of the change, for the text editor.</summary>
    TextPublication Publication => new(IsMajorChange, ChangeNote);
}
