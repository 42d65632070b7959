// Brings the signing form into the petition's page. The page is cached for everyone, so it cannot carry a form with
// its own anti-forgery token and time stamp; the form page (/petitions/{slug}/sign) can. Without script, the link
// on the page leads there instead.
(function () {
    var section = document.querySelector("[data-sign-form]");
    if (!section || !window.fetch || !window.DOMParser) return;
    fetch(section.getAttribute("data-sign-form"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
            if (!html) return;
            var form = new DOMParser().parseFromString(html, "text/html").querySelector("form.petition-form");
            var link = section.querySelector("a.button");
            if (!form || !link) return;
            link.parentNode.replaceWith(document.importNode(form, true));
        })
        .catch(function () { /* The link stays: it leads to the same form. */ });
})();
