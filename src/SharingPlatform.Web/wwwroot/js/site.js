// The first page a browser opens is drawn in the system's font; a while after it has loaded, the site's font is fetched
// for the pages after it, and a cookie tells the server that this browser has it (Pages/SiteFont.cs). The wait keeps
// the font's 140 KB from competing with this page's own first paint and pictures on a slow network: on a fast server
// the load event can come before the first paint.
window.addEventListener('load', function () {
    'use strict';
    var later = document.querySelector('meta[name="font-later"]');
    if (!later || !window.fetch) {
        return;
    }
    var stylesheet = new URL(later.getAttribute('content'), window.location.href);
    function fetched(url) {
        return fetch(url, { priority: 'low' }).then(function (response) {
            return response.ok ? response : Promise.reject(new Error(url + ': ' + response.status));
        });
    }
    function fetchFont() {
        fetched(stylesheet).then(function (response) {
            return response.text();
        }).then(function (css) {
            var files = css.match(/url\([^)]*\.site\.[^)]*\)/g) || [];
            return Promise.all(files.map(function (file) {
                return fetched(new URL(file.slice(4, -1), stylesheet));
            }));
        }).then(function () {
            document.cookie = 'sp.font=1; path=/; max-age=604800; samesite=lax' + (window.location.protocol === 'https:' ? '; secure' : '');
        }).catch(function () {
            // Without the cookie the next page tries again.
        });
    }
    window.setTimeout(fetchFont, 2000);
});

// Moves keyboard and screen-reader focus to the error summary when a form comes back with errors.
(function () {
    'use strict';
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
})();

// What cannot be undone asks first: <form data-confirm="…">, or <button data-confirm="…"> where only one of a form's
// buttons is destructive. Without script it simply submits.
document.addEventListener('submit', function (event) {
    'use strict';
    var button = event.submitter;
    var question = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});

// KRDS menus (ui-script.js): the main menu's label in the page's language, and the menu button of a phone says whether
// its panel is open and closes it with Escape.
window.addEventListener('DOMContentLoaded', function () {
    'use strict';
    var gnb = document.querySelector('.krds-main-menu .gnb-menu[data-label]');
    if (gnb) {
        gnb.setAttribute('aria-label', gnb.getAttribute('data-label'));
    }
    var panel = document.getElementById('mobile-nav');
    var opener = document.querySelector('[aria-controls="mobile-nav"]');
    var close = document.getElementById('close-nav');
    if (!panel || !opener || !close) {
        return;
    }
    new MutationObserver(function () {
        opener.setAttribute('aria-expanded', panel.classList.contains('is-open') ? 'true' : 'false');
    }).observe(panel, { attributes: true, attributeFilter: ['class'] });
    panel.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && panel.classList.contains('is-open')) {
            close.click();
        }
    });
});

// A table wider than the screen scrolls sideways in its .table-responsive box: the box then takes keyboard focus (so
// the arrow keys scroll it) and is named after the table's caption.
(function () {
    'use strict';
    function makeScrollersFocusable() {
        document.querySelectorAll('.table-responsive:not([tabindex])').forEach(function (box) {
            if (box.scrollWidth <= box.clientWidth) {
                return;
            }
            box.setAttribute('tabindex', '0');
            var caption = box.querySelector('caption');
            if (caption) {
                box.setAttribute('role', 'region');
                box.setAttribute('aria-label', caption.textContent.trim());
            }
        });
    }
    makeScrollersFocusable();
    window.addEventListener('resize', makeScrollersFocusable);
})();

// The resource form shows the settings of the chosen way of sharing (slots or loans) only: parts marked
// data-sharing-mode hide while the other way is chosen. Without script every part shows, and the server keeps what applies.
(function () {
    'use strict';
    var radios = document.querySelectorAll('input[name="Input.SharingMode"]');
    var parts = document.querySelectorAll('[data-sharing-mode]');
    if (radios.length === 0 || parts.length === 0) {
        return;
    }
    function show() {
        var chosen = document.querySelector('input[name="Input.SharingMode"]:checked');
        parts.forEach(function (part) {
            part.hidden = chosen !== null && part.getAttribute('data-sharing-mode') !== chosen.value;
        });
    }
    radios.forEach(function (radio) {
        radio.addEventListener('change', show);
    });
    show();
})();

// On a phone the search filters fold away above the results, and a resource's week below its day list
// (<details data-fold-on-phone>), unless a field is in error.
(function () {
    'use strict';
    if (!window.matchMedia('(max-width: 767.98px)').matches) {
        return;
    }
    document.querySelectorAll('details[data-fold-on-phone]').forEach(function (details) {
        if (!details.querySelector('[aria-invalid="true"]')) {
            details.open = false;
        }
        details.setAttribute('data-folded', '');
    });
})();
