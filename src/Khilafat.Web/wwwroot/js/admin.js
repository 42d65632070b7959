// Small conveniences for the admin area; every page works without them.
(function () {
    // "Select all" boxes tick the row boxes of their table.
    document.addEventListener("change", function (event) {
        var all = event.target.closest("[data-select-all]");
        if (!all) return;
        document.querySelectorAll(all.getAttribute("data-select-all")).forEach(function (box) { box.checked = all.checked; });
    });
    // Buttons marked data-confirm ask before submitting. Where the server asks too when script is off (a step that
    // cannot be undone), the button's data-confirmed-value tells it the dialog was answered yes.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-confirm]");
        if (!button) return;
        if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
        else if (button.hasAttribute("data-confirmed-value")) button.value = button.getAttribute("data-confirmed-value");
    });
})();
