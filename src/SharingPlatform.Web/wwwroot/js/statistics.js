// Draws the statistics page's charts with Chart.js from the figures in <script type="application/json" id="statistics-data">.
// Each canvas names its chart in data-chart; the tables on the page are the accessible version of the same figures.
(function () {
    'use strict';
    var source = document.getElementById('statistics-data');
    if (!source || typeof window.Chart === 'undefined') {
        return;
    }
    var data = JSON.parse(source.textContent || '{}');
    // The page's font (Pretendard GOV, which has the Hangul of the labels), once it has loaded.
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    document.fonts.ready.then(function () {
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
    });

    function draw(canvas) {
        var chart = data[canvas.getAttribute('data-chart')];
        if (!chart) {
            return;
        }
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: chart.labels,
                datasets: [{ label: chart.label, data: chart.values, backgroundColor: '#0b5cad' }]
            },
            options: {
                animation: false,
                responsive: true,
                plugins: { legend: { display: true } },
                scales: { y: { beginAtZero: true } }
            }
        });
    }
})();
