// Small conveniences for the admin area; every page works without them.
(function () {
    // "Select all" boxes tick the row boxes of their table.
    document.addEventListener("change", function (event) {
        var all = event.target.closest("[data-select-all]");
        if (!all) return;
        document.querySelectorAll(all.getAttribute("data-select-all")).forEach(function (box) { box.checked = all.checked; });
    });
    // Buttons marked data-confirm ask before submitting (the server asks again where a step cannot be undone).
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-confirm]");
        if (button && !window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
    });
})();
