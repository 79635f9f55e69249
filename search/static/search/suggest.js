// Fills the search box's <datalist> with title suggestions as the reader types.
// Progressive enhancement: without JavaScript the form works as a plain GET form.
(function () {
    "use strict";
    var input = document.getElementById("search-query");
    if (!input || !window.fetch) { return; }
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            var query = input.value.trim();
            if (query.length < 2) { list.replaceChildren(); return; }
            fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(query))
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    list.replaceChildren.apply(list, data.suggestions.map(function (title) {
                        var option = document.createElement("option");
                        option.value = title;
                        return option;
                    }));
                })
                .catch(function () { list.replaceChildren(); });
        }, 200);
    });
})();
