// Opens the FAQ answer a link points at (/faq#how-can-i-join), so the reader lands on the answer, not just the question.
(function () {
    function openTarget() {
        var id = decodeURIComponent(location.hash.slice(1));
        var target = id && document.getElementById(id);
        if (target && target.tagName === "DETAILS") target.open = true;
    }
    openTarget();
    window.addEventListener("hashchange", openTarget);
})();
