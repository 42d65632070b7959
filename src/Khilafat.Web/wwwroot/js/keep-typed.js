// What an editor typed survives a sign-in that ended before they pressed Save (signed out on another device, a role
// changed, eight hours idle): the site then answers the form with the sign-in page, and the browser drops the form's
// body. So each submit of a form marked data-keep-typed is copied into this tab's sessionStorage; the sign-in page marks
// the copy as cut off by the sign-in and says it is kept; back on the same form after signing in, the copy fills the
// form again (hidden fields too: the version it was based on, so a change made meanwhile still shows as a conflict) and
// a notice says nothing was saved yet. Nothing is sent anywhere: the editor checks the form and saves it. Any other
// page reached after the submit (the saved page, the form with its errors) means the server had the form, and the copy
// is dropped. Without script the forms work as before; only this safety net is missing.
(function () {
    var key = "khilafat:typed";
    var signInForm = document.querySelector("form[data-sign-in]");
    var account = document.body.getAttribute("data-account") || "";

    function read() {
        try { return JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
    }
    function write(copy) {
        try { sessionStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* storage full or off: no safety net */ }
    }
    function drop() {
        try { sessionStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    }
    function notice(text, before) {
        var box = document.createElement("div");
        box.className = "status";
        box.setAttribute("role", "status");
        box.setAttribute("tabindex", "-1");
        box.textContent = text;
        before.parentNode.insertBefore(box, before);
        return box;
    }

    var copy = read();

    if (signInForm) {
        // Only a copy made in the last day, by a submit that never reached an admin page.
        if (copy && Date.now() - copy.at < 24 * 3600 * 1000) {
            copy.cutOff = true;
            write(copy);
            notice("You were signed out before your changes could be saved. They are kept in this browser tab: sign in again and they will be back in the form, for you to check and save.", signInForm);
        } else if (copy) {
            drop();
        }
        return;
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches || !form.matches("form[data-keep-typed]")) return;
        var submitter = event.submitter;
        // A preview opens in another tab: this page stays, with what was typed.
        if (submitter && submitter.getAttribute("formtarget") === "_blank") return;
        var fields = [];
        new FormData(form).forEach(function (value, name) {
            if (typeof value === "string" && name !== "__RequestVerificationToken") fields.push([name, value]);
        });
        write({
            at: Date.now(),
            account: account,
            path: new URL((submitter && submitter.getAttribute("formaction")) || form.action, location.href).pathname,
            form: form.getAttribute("data-keep-typed"),
            button: submitter ? submitter.textContent.trim() : "",
            fields: fields,
        });
    });

    if (!copy) return;
    drop();
    if (!copy.cutOff || copy.account !== account || copy.path !== location.pathname) return;
    var form = Array.prototype.find.call(document.querySelectorAll("form[data-keep-typed]"), function (f) {
        return f.getAttribute("data-keep-typed") === copy.form;
    });
    if (!form) return;

    var values = {};
    copy.fields.forEach(function (field) { (values[field[0]] = values[field[0]] || []).push(field[1]); });
    // A checkbox sends its value and ASP.NET Core's hidden "false" beside it: the box alone says which.
    var boxes = {};
    Array.prototype.forEach.call(form.elements, function (e) {
        if (e.type === "checkbox" || e.type === "radio") boxes[e.name] = true;
    });
    Array.prototype.forEach.call(form.elements, function (e) {
        var name = e.name;
        if (!name || name === "__RequestVerificationToken" || e.type === "file" || e.type === "submit" || e.type === "button") return;
        var typed = values[name] || [];
        if (e.type === "checkbox" || e.type === "radio") e.checked = typed.indexOf(e.value) >= 0;
        else if (boxes[name]) return;
        else if (e.type === "select-multiple") Array.prototype.forEach.call(e.options, function (o) { o.selected = typed.indexOf(o.value) >= 0; });
        else if (typed.length > 0) e.value = typed.shift();
    });
    var again = copy.button ? "press \u201c" + copy.button + "\u201d again" : "save it again";
    notice("Nothing was saved: you had been signed out. What you typed is back in the form below; check it and " + again + ".", form).focus();
})();
