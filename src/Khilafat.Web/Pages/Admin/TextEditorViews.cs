using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin;

/// <summary>What the shared conflict screen (_TextConflict) shows.</summary>
public sealed record TextConflictView(TextSaveResult.Conflict Conflict, IReadOnlyList<DiffLine> Diff, string TitleLabel, string Culture, string? AddressPrefix);

/// <summary>What the shared button row (_TextActions) offers. With <see cref="PublishByCheckbox"/>, the form's own checkbox says published or not, and its plain submit saves.</summary>
public sealed record TextActionsView(bool IsPublished, bool HasDraft, bool PublishByCheckbox = false, string? PreviewAction = null);
