using SharingPlatform.Web.Api;

namespace SharingPlatform.Web.Pages.Admin;

/// <summary>
/// The programme statistics for administrators: filters, totals, a table per section and charts drawn from the same
/// figures (js/statistics.js reads them from a JSON block); the CSV handler answers what the API's CSV answers.
/// Administrators only, by the /Admin folder convention in Program.cs.
/// </summary>
public sealed class StatisticsModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    public ProgrammeStatistics? Statistics { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Statistics = await LoadAsync(cancellationToken);
        if (Statistics is { } s)
            (From, To) = (s.From, s.To);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } statistics ? new CsvResult(StatisticsCsv.File(statistics)) : Page();

    /// <summary>What the charts draw, in the page's language: one label and one figure per bar.</summary>
    public string ChartsJson()
    {
        if (Statistics is not { } s)
            return "{}";
        var months = s.Resources.GroupBy(r => r.Month).OrderBy(g => g.Key).ToList();
        var municipalities = s.Resources.GroupBy(r => r.MunicipalityName).OrderBy(g => g.Key).ToList();
        var equipment = s.LabEquipment.GroupBy(e => $"{e.EquipmentName} ({e.LabName})").OrderBy(g => g.Key).ToList();
        var meetings = s.Circles.GroupBy(c => c.Month).OrderBy(g => g.Key).ToList();
        var loans = s.Loans.GroupBy(l => l.Month).OrderBy(g => g.Key).ToList();
        var charts = new
        {
            bookedHours = Chart(localizer["StatisticsBookedHours"], months.Select(g => (g.Key, g.Sum(r => r.BookedHours)))),
            utilisation = Chart(localizer["StatisticsUtilisationPercent"], municipalities.Select(g =>
                (g.Key, ChartPercent(g.Sum(r => r.OpenHours) > 0 ? g.Sum(r => r.BookedHours) / g.Sum(r => r.OpenHours) : null)))),
            labHours = Chart(localizer["StatisticsLabHours"], equipment.Select(g => (g.Key, g.Sum(e => e.Hours)))),
            attendance = Chart(localizer["StatisticsAttendancePercent"], meetings.Select(g =>
                (g.Key, ChartPercent(GetProgrammeStatisticsHandler.Rate(g.Sum(c => c.Attended), g.Sum(c => c.GoingAnswers)))))),
            unitDaysLent = Chart(localizer["StatisticsUnitDaysLent"], loans.Select(g => (g.Key, (double)g.Sum(l => l.UnitDaysLent)))),
        };
        return JsonSerializer.Serialize(charts, JsonSerializerOptions.Web);
    }

    public static string Number(double value) => value.ToString("#,0.##", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>An average of stars out of five, "–" when there were no reviews.</summary>
    public static string Stars(double? average) => average is { } a ? a.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture) : "–";

    /// <summary>A rate as a percentage; a dash where there was nothing to divide by.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + "%" : "–";

    private static double ChartPercent(double? rate) => Math.Round((rate ?? 0) * 100, 1);

    private static object Chart(string label, IEnumerable<(string Label, double Value)> bars)
    {
        var list = bars.ToList();
        return new { label, labels = list.Select(b => b.Label), values = list.Select(b => Math.Round(b.Value, 2)) };
    }

    private async Task<ProgrammeStatistics?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await sender.Send(new GetProgrammeStatistics(Blank(From), Blank(To), Blank(Municipality)), cancellationToken);
        }
        catch (ValidationException refused)
        {
            refused.AddTo(ModelState, localizer, ValidationErrors.Inputs(("From", "From"), ("To", "To"), ("Municipality", "Municipality")));
            return null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A minimal-API result (the CSV file) answered from a page handler.</summary>
    private sealed class CsvResult(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
