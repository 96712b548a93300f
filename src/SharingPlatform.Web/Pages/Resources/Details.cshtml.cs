using SharingPlatform.Domain.Favourites;
using SharingPlatform.Web.Pages.Favourites;
using SharingPlatform.Web.Pages.Loans;

namespace SharingPlatform.Web.Pages.Resources;

/// <summary>
/// One resource: public when published; its organization's members also see its review state and manage it;
/// administrators suspend and restore it. A published resource shows its week of slots (<c>?week=yyyy-MM-dd</c>, a
/// Seoul Monday; this week by default), each free slot a link to book it.
/// </summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> DecisionInputs = ValidationErrors.Inputs(("Reason", "Reason"), ("File", "Photo"));

    private static readonly Dictionary<string, string> LoanInputs = ValidationErrors.Inputs(
        ("Units", "LoanUnits"), ("PickupOn", "PickupOn"), ("ReturnOn", "ReturnOn"), ("Purpose", "Purpose"));

    /// <summary>How many weeks the day calendar of a lent resource shows, from this week's Monday.</summary>
    public const int LoanCalendarWeeks = 6;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ResourceView Resource { get; private set; } = null!;

    public bool IsMember { get; private set; }

    /// <summary>The save/remove form for a signed-in person; null when there is none to show.</summary>
    public FavouriteButton? Favourite { get; private set; }

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    /// <summary>The week shown in the calendar: any date of it (the page shows its Monday to Sunday).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Week { get; set; }

    /// <summary>The week's slots; null when the resource is not open for booking.</summary>
    public WeekCalendar? Calendar { get; private set; }

    /// <summary>The four weeks from the shown week's Monday, day by day, with the free time of each.</summary>
    public FourWeeks? FourWeeks { get; private set; }

    /// <summary>A day of the four weeks whose free starts are listed (<c>?day=</c>, else the first day from today with free time).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    public DateOnly? ChosenDay { get; private set; }

    /// <summary>
    /// On a phone the whole week folds away below the day's list, which is the way to book there, unless the week was
    /// asked for through its own links (a week without a day).
    /// </summary>
    public bool WeekFoldsOnPhone => FourWeeks is not null && (Week is null || Day is not null);

    /// <summary>The Monday of this week in Seoul, for the "this week" link.</summary>
    public DateOnly ThisWeek { get; private set; }

    /// <summary>A lent resource's days from this week's Monday: open or not, units left; null when it lends nothing now.</summary>
    public IReadOnlyList<LoanDayView>? LoanDays { get; private set; }

    /// <summary>Today in Seoul.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The Monday the day calendar of a lent resource starts on: this week, or later weeks up to the lending horizon.</summary>
    public DateOnly LoanCalendarStart { get; private set; }

    public bool LoanCalendarHasEarlier => LoanCalendarStart > ThisWeek;

    public bool LoanCalendarHasLater => Resource.Lending is { } lending
        && LoanCalendarStart.AddDays(7 * LoanCalendarWeeks) <= Today.AddDays(lending.HorizonDays);

    /// <summary>The loan asked for: chosen from the day calendar's links or typed in the form.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? PickupOn { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? ReturnOn { get; set; }

    [BindProperty]
    public int LoanUnits { get; set; } = 1;

    [BindProperty]
    public string? Purpose { get; set; }

    /// <summary>An administrator's reason for suspending or restoring.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>A photo a member uploads (JPEG, PNG or WebP, at most 10 MB).</summary>
    [BindProperty]
    public IFormFile? Photo { get; set; }

    /// <summary>The resource key of what was just done, shown once after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLoanAsync(CancellationToken cancellationToken)
    {
        if (PickupOn is null)
            ModelState.AddModelError(nameof(PickupOn), localizer["Error_PickupOn_Required"]);
        if (ReturnOn is null)
            ModelState.AddModelError(nameof(ReturnOn), localizer["Error_ReturnOn_Required"]);
        if (!ModelState.IsValid)
            return await ReloadAsync(cancellationToken);
        return await this.SendAsync(
            sender, new RequestLoan(Id, LoanUnits, PickupOn!.Value, ReturnOn!.Value, Purpose), localizer.ForLoans(),
            loan =>
            {
                TempData["Done"] = loan.Status == Domain.Loans.LoanStatus.Confirmed ? "LoanConfirmedDone" : "LoanRequestedDone";
                return RedirectToPage("/Loans/Details", new { id = loan.Id });
            },
            () => ReloadAsync(cancellationToken), LoanInputs, cancellationToken);
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        ActAsync(new SubmitResource(Id), "ResourceSubmitted", cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken) =>
        ActAsync(new ArchiveResource(Id), "ResourceArchived", cancellationToken);

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken cancellationToken)
    {
        await using var content = Photo?.OpenReadStream() ?? Stream.Null;
        return await ActAsync(new AddResourcePhoto(Id, content, Photo?.Length ?? 0), "PhotoAdded", cancellationToken);
    }

    /// <summary>A member makes a photo the first one, the one search results show.</summary>
    public async Task<IActionResult> OnPostPhotoFirstAsync(Guid photoId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var order = Resource.Photos.Select(p => p.Id).Where(p => p != photoId).Prepend(photoId).ToList();
        return await ActAsync(new ReorderResourcePhotos(Id, order), "PhotoMadeFirst", cancellationToken);
    }

    public Task<IActionResult> OnPostRemovePhotoAsync(Guid photoId, CancellationToken cancellationToken) =>
        ActAsync(new RemoveResourcePhoto(Id, photoId), "PhotoRemoved", cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) =>
        ActAsync(new SuspendResource(Id, Reason), "ResourceSuspended", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        ActAsync(new RestoreResource(Id, Reason), "ResourceRestored", cancellationToken);

    private Task<IActionResult> ActAsync<TResponse>(ICommand<TResponse> command, string done, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ => this.RedirectWithDone(new { id = Id }, done), () => ReloadAsync(cancellationToken), DecisionInputs, cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Resource = await sender.Send(new GetResource(Id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Favourite = await FavouriteButton.ForAsync(sender, User, FavouriteSubject.Resource, Id, Resource.Status == ResourceStatus.Published, cancellationToken);
        if (User.Identity?.IsAuthenticated == true)
        {
            try
            {
                var organization = await sender.Send(new GetOrganization(Resource.OrganizationId), cancellationToken);
                IsMember = organization.MyRole is not null;
            }
            catch (NotFoundException)
            {
                IsMember = false;
            }
        }

        await LoadCalendarAsync(cancellationToken);
        return true;
    }

    private async Task LoadCalendarAsync(CancellationToken cancellationToken)
    {
        Today = SeoulTime.DateOf(clock.GetUtcNow());
        ThisWeek = BookingText.MondayOf(Today);
        // A week that is not a date ("?week=abc") shows this week rather than an error.
        ModelState.Remove(nameof(Week));
        ModelState.Remove(nameof(Day));
        if (Resource.Status != ResourceStatus.Published)
            return;
        if (Resource.Lending is not null)
        {
            await LoadLoanDaysAsync(cancellationToken);
            return;
        }

        var monday = Week is { } week ? BookingText.MondayOf(week) : ThisWeek;
        var (from, to) = FourWeeks.WindowOf(monday);
        try
        {
            var availability = await sender.Send(new GetResourceAvailability(Resource.Id, from, to), cancellationToken);
            FourWeeks = FourWeeks.From(monday, availability);
            var weekEnds = WeekCalendar.WindowOf(monday).To;
            Calendar = WeekCalendar.From(monday, availability with { Slots = [.. availability.Slots.Where(s => s.StartsAt < weekEnds)] });
            ChosenDay = Day is { } day && FourWeeks.Contains(day) ? day
                : FourWeeks.DaysFree.FirstOrDefault(d => d.Date >= Today && d.FreeSlots > 0)?.Date;
        }
        catch (NotFoundException)
        {
            // Not open for booking (its organization suspended, say): the page shows no calendar.
            Calendar = null;
        }
    }

    private async Task LoadLoanDaysAsync(CancellationToken cancellationToken)
    {
        if (Request.Method == HttpMethods.Get)
        {
            ModelState.Remove(nameof(PickupOn));
            ModelState.Remove(nameof(ReturnOn));
        }

        const int windowDays = 7 * LoanCalendarWeeks;
        var asked = Week is { } week ? BookingText.MondayOf(week)
            : PickupOn is { } pickup && pickup >= ThisWeek.AddDays(windowDays) ? BookingText.MondayOf(pickup)
            : ThisWeek;
        var horizon = ThisWeek.AddDays(windowDays * ((Today.AddDays(Resource.Lending!.HorizonDays).DayNumber - ThisWeek.DayNumber) / windowDays));
        LoanCalendarStart = asked < ThisWeek ? ThisWeek : asked > horizon ? horizon : asked;
        try
        {
            var availability = await sender.Send(
                new GetLoanAvailability(Resource.Id, LoanCalendarStart, LoanCalendarStart.AddDays(windowDays - 1)), cancellationToken);
            LoanDays = availability.Days;
        }
        catch (Exception closed) when (closed is NotFoundException or DomainRuleException)
        {
            LoanDays = null;
        }
    }
}
