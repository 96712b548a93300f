using SharingPlatform.Domain.Favourites;
using SharingPlatform.Domain.Labs;
using SharingPlatform.Web.Pages.Favourites;

namespace SharingPlatform.Web.Pages.Labs;

/// <summary>
/// One lab: its facts, safety rules and equipment, and a week of its slots (<c>?week=yyyy-MM-dd</c>) with the seats left
/// and the equipment free in each. Choosing a slot (<c>?slot=</c>, an ISO instant) shows the form that books a seat and
/// optionally equipment. Its managers submit a draft; administrators suspend and restore.
/// </summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> NoInputs = ValidationErrors.Inputs(("Reason", "Reason"));

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Week { get; set; }

    /// <summary>The chosen slot's start, as the grid's links carry it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Slot { get; set; }

    [BindProperty]
    public List<Guid> EquipmentIds { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public LabView Lab { get; private set; } = null!;

    /// <summary>The save/remove form for a signed-in person; null when there is none to show.</summary>
    public FavouriteButton? Favourite { get; private set; }

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public DateOnly Monday { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public DateOnly ThisWeek { get; private set; }

    public IReadOnlyList<LabSlotView> Slots { get; private set; } = [];

    public LabSlotView? Chosen { get; private set; }

    public IReadOnlyList<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays).ToList();

    public IReadOnlyList<TimeOnly> Times => Slots.Select(s => TimeOnly.FromDateTime(SeoulTime.ToSeoul(s.StartsAt))).Distinct().Order().ToList();

    public LabSlotView? SlotAt(DateOnly day, TimeOnly time) =>
        Slots.FirstOrDefault(s => SeoulTime.DateOf(s.StartsAt) == day && TimeOnly.FromDateTime(SeoulTime.ToSeoul(s.StartsAt)) == time);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken) =>
        this.SendAsync(sender, new CreateLabBooking(Id, BookingText.ParseIso(Slot) ?? default, EquipmentIds), localizer,
            _ =>
            {
                TempData["Done"] = "LabSessionBooked";
                return RedirectToPage("/Labs/Mine");
            },
            () => ReloadAsync(cancellationToken), NoInputs, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) => ActAsync(new SubmitLab(Id), "LabSubmitted", cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) => ActAsync(new SuspendLab(Id, Reason), "LabSuspended", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) => ActAsync(new RestoreLab(Id, Reason), "LabRestored", cancellationToken);

    private Task<IActionResult> ActAsync<TResponse>(ICommand<TResponse> command, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer,
            _ =>
            {
                Done = done;
                return RedirectToPage(new { id = Id });
            },
            () => ReloadAsync(cancellationToken), NoInputs, cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Lab = await sender.Send(new GetLab(Id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Favourite = await FavouriteButton.ForAsync(sender, User, FavouriteSubject.Lab, Id, Lab.Status == LabStatus.Published, cancellationToken);
        ModelState.Remove(nameof(Week));
        Now = clock.GetUtcNow();
        ThisWeek = BookingText.MondayOf(SeoulTime.DateOf(clock.GetUtcNow()));
        var chosen = BookingText.ParseIso(Slot);
        Monday = Week is { } week ? BookingText.MondayOf(week)
            : chosen is { } start ? BookingText.MondayOf(SeoulTime.DateOf(start))
            : ThisWeek;
        if (Lab.Status != LabStatus.Published)
            return true;
        try
        {
            Slots = await sender.Send(new GetLabSlots(Lab.Id, SeoulTime.StartOf(Monday), SeoulTime.StartOf(Monday.AddDays(7))), cancellationToken);
        }
        catch (NotFoundException)
        {
            Slots = [];
        }

        Chosen = chosen is { } at ? Slots.FirstOrDefault(s => s.StartsAt == at && s.Bookable && s.MyBookingId is null) : null;
        return true;
    }
}
