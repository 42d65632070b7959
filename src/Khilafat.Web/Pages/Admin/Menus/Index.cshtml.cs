using Khilafat.Web.Audit;
using Khilafat.Web.Localization;
using Khilafat.Web.Menus;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Menus;

/// <summary>/admin/menus?menu=header&amp;culture=ar: one menu in one language, its items renamed, moved, removed and added.</summary>
public class IndexModel(SiteMenus menus) : PageModel, IPageMeta
{
    // Optional in the address (the admin's own link has neither): bound as nullable, so that leaving one out is not
    // "required", and read through Menu and Culture with their defaults. IsKnown checks what was given.
    [BindProperty(SupportsGet = true, Name = "menu")]
    public string? MenuAsked { get; set; }

    [BindProperty(SupportsGet = true, Name = "culture")]
    public string? CultureAsked { get; set; }

    public string Menu => MenuAsked ?? MenuNames.Header;

    public string Culture => CultureAsked ?? SiteCultures.Default;

    public IReadOnlyList<MenuItemRow> Items { get; private set; } = [];

    /// <summary>What was typed into the add form, shown again beside its problems.</summary>
    public (string Label, string Href) Added { get; private set; } = ("", "");

    /// <summary>The item whose edit did not go through, with what was typed.</summary>
    public (int Id, string Label, string Href)? Edited { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Menus";

    public static string MenuName(string menu) => menu == MenuNames.Footer ? "Footer" : "Header";

    public static string LanguageName(string culture) => culture switch { "ar" => "Arabic", "ur" => "Urdu", _ => "English" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsKnown()) return NotFound();
        Items = await menus.ItemsAsync(Menu, Culture, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? label, string? href, CancellationToken ct)
    {
        if (!IsKnown()) return NotFound();
        if (await menus.AddAsync(Menu, Culture, label ?? "", href ?? "", Actor.From(User), ct) is MenuSaveResult.Invalid invalid)
        {
            foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Add." + field, message);
            Added = (label ?? "", href ?? "");
            return await OnGetAsync(ct);
        }
        StatusMessage = $"Added “{label?.Trim()}” to the {MenuName(Menu).ToLowerInvariant()} menu in {LanguageName(Culture)}.";
        return Back();
    }

    // wasLabel and wasHref: the item as the form showed it, so that a form opened before another editor's change does not undo it.
    public async Task<IActionResult> OnPostEditAsync(int id, string? label, string? href, string? wasLabel, string? wasHref, CancellationToken ct)
    {
        if (!IsKnown()) return NotFound();
        var was = wasLabel is null || wasHref is null ? ((string, string)?)null : (wasLabel, wasHref);
        switch (await menus.EditAsync(id, label ?? "", href ?? "", was, Actor.From(User), ct))
        {
            case MenuSaveResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError($"Item{id}.{field}", message);
                Edited = (id, label ?? "", href ?? "");
                return await OnGetAsync(ct);
            case MenuSaveResult.ChangedMeanwhile now:
                // What they typed stays in the fields; the form now carries the item as it is, so saving again replaces it.
                ModelState.AddModelError($"Item{id}.Label", $"Another editor changed this item to “{now.Label}” ({now.Href}) since you opened this page. What you typed is below: save again to replace theirs.");
                Edited = (id, label ?? "", href ?? "");
                return await OnGetAsync(ct);
            case MenuSaveResult.NotFound:
                // Removed by another editor: what they typed goes to the add form, to add again if it should stay.
                ModelState.AddModelError("Add.Label", "Another editor removed that item from the menu since you opened this page. What you typed is below: add it again if it should stay.");
                Added = (label ?? "", href ?? "");
                return await OnGetAsync(ct);
            default:
                StatusMessage = $"Saved “{label?.Trim()}”.";
                return Back();
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up, CancellationToken ct)
    {
        if (!IsKnown()) return NotFound();
        if (!await menus.MoveAsync(id, up, Actor.From(User), ct)) return NotFound();
        StatusMessage = up ? "Moved up." : "Moved down.";
        return Back();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!IsKnown()) return NotFound();
        if (!await menus.RemoveAsync(id, Actor.From(User), ct)) return NotFound();
        StatusMessage = "Removed from the menu.";
        return Back();
    }

    private bool IsKnown() => MenuNames.IsMenu(Menu) && SiteCultures.IsSupported(Culture);

    private RedirectToPageResult Back() => RedirectToPage(new { menu = Menu, culture = Culture });
}
