using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin.Faq;

public sealed class FaqForm
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

    public FaqInput ToInput() => new(Question, Answer, Anchor ?? "", IsPublished);

    public static FaqForm From(FaqInput input) => new() { Question = input.Question, Answer = input.Answer, Anchor = input.Anchor, IsPublished = input.IsPublished };
}
