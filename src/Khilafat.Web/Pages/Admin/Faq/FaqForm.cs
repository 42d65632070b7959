using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin.Faq;

/// <summary>An FAQ entry's fields, in English or in a translation (which has no anchor of its own).</summary>
public sealed class FaqForm : IChangeDescription
{
    [Required(ErrorMessage = "Enter the question.")]
    [StringLength(FaqEntry.QuestionMaxLength, ErrorMessage = "The question must be at most {1} characters.")]
    public string Question { get; set; } = "";

    [Required(ErrorMessage = "Enter the answer.")]
    [StringLength(FaqEntry.AnswerMaxLength, ErrorMessage = "The answer must be at most {1} characters.")]
    [Display(Name = "Answer (Markdown)")]
    public string Answer { get; set; } = "";

    [StringLength(FaqEntry.AnchorMaxLength, ErrorMessage = "The anchor must be at most {1} characters.")]
    [Display(Name = "Anchor")]
    public string? Anchor { get; set; }

    [Display(Name = "Published on /faq")]
    public bool IsPublished { get; set; } = true;

    /// <summary>The version the editor opened; a save against an older one is a conflict.</summary>
    public int Version { get; set; }

    public bool IsMajorChange { get; set; }

    [StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
    [Display(Name = "What changed, for readers")]
    public string? ChangeNote { get; set; }

    public TextInput ToInput() => new(Question, "", Answer);

    public static FaqForm From(string anchor, TextView? text) => new()
    {
        Question = text?.Working.Title ?? "", Answer = text?.Working.Body ?? "", Anchor = anchor,
        IsPublished = text?.IsPublished ?? true, Version = text?.Version ?? 0,
    };
}
