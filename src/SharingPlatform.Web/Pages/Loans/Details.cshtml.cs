namespace SharingPlatform.Web.Pages.Loans;

/// <summary>
/// One loan with its steps, for its borrower, the lending organization's members and administrators (404 for anyone
/// else), and the moves that apply now: the borrower cancels before pick-up; the desk approves or rejects a request, hands
/// the units over from the pick-up day and takes them back, all or some.
/// </summary>
[Authorize]
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer, ICurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    [BindProperty]
    public string? RejectReason { get; set; }

    [BindProperty]
    public HandOverInput HandOver { get; set; } = new();

    [BindProperty]
    public TakeBackInput TakeBack { get; set; } = new();

    public LoanView Loan { get; private set; } = null!;

    /// <summary>The labels of the resource's units (empty when it labels none).</summary>
    public IReadOnlyList<string> UnitLabels { get; private set; } = [];

    public bool YouBorrowed { get; private set; }

    public bool YouLend { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanCancel => (YouBorrowed || YouLend) && LoanText.Cancellable(Loan.Status);

    public bool CanDecide => YouLend && Loan.Status == LoanStatus.Requested;

    public bool CanHandOver => YouLend && Loan.Status == LoanStatus.Confirmed && Today >= Loan.PickupOn;

    public bool CanTakeBack => YouLend && Loan.Status is LoanStatus.Out or LoanStatus.Overdue;

    public int UnitsStillOut => Loan.UnitsOut - Loan.UnitsReturned;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        ActAsync(new CancelLoan(Id, Blank(CancelReason)), "LoanCancelledDone", cancellationToken, ("Reason", "CancelReason"));

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DeskAsync(new ApproveLoan(Id), "LoanApprovedDone", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        DeskAsync(new RejectLoan(Id, Blank(RejectReason)), "LoanRejectedDone", cancellationToken, ("Reason", "RejectReason"));

    public Task<IActionResult> OnPostHandOverAsync(CancellationToken cancellationToken) =>
        DeskAsync(
            new HandOverLoan(Id, HandOver.UnitLabels.Count > 0 ? HandOver.UnitLabels : null, Blank(HandOver.ConditionNote), HandOver.DepositReceived),
            "LoanHandedOverDone", cancellationToken, ("ConditionNote", "HandOver.ConditionNote"), ("UnitLabels", "HandOver.UnitLabels"));

    public Task<IActionResult> OnPostTakeBackAsync(CancellationToken cancellationToken) =>
        DeskAsync(
            new TakeBackLoan(Id, TakeBack.Units, Blank(TakeBack.ConditionNote), TakeBack.Damaged, TakeBack.DepositReturned, Blank(TakeBack.Reason)),
            "LoanTakenBackDone", cancellationToken,
            ("Units", "TakeBack.Units"), ("ConditionNote", "TakeBack.ConditionNote"), ("Reason", "TakeBack.Reason"));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The desk's moves: someone who may see the loan but does not lend it (its borrower, an administrator) is refused.</summary>
    private async Task<IActionResult> DeskAsync<TResponse>(
        ICommand<TResponse> command, string done, CancellationToken cancellationToken, params (string Property, string Input)[] inputs)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        return YouLend ? await ActAsync(command, done, cancellationToken, inputs) : Forbid();
    }

    private async Task<IActionResult> ActAsync<TResponse>(
        ICommand<TResponse> command, string done, CancellationToken cancellationToken, params (string Property, string Input)[] inputs)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (!YouBorrowed && !YouLend)
            return Forbid();
        return await this.SendAsync(sender, command, localizer.ForLoans(), _ => this.RedirectWithDone(new { id = Id }, done), () => ReloadAsync(cancellationToken), ValidationErrors.Inputs(inputs), cancellationToken);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = SeoulTime.DateOf(clock.GetUtcNow());
        try
        {
            Loan = await sender.Send(new GetLoan(Id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        YouBorrowed = Loan.BorrowerId == currentUser.Id;
        try
        {
            var resource = await sender.Send(new GetResource(Loan.ResourceId), cancellationToken);
            UnitLabels = resource.Lending?.UnitLabels ?? [];
            YouLend = (await sender.Send(new GetOrganization(resource.OrganizationId), cancellationToken)).MyRole is not null;
        }
        catch (NotFoundException)
        {
            YouLend = false;
        }

        if (Request.Method == HttpMethods.Get)
        {
            TakeBack.Units = UnitsStillOut;
            TakeBack.DepositReturned = true;
        }

        return true;
    }

    public sealed class HandOverInput
    {
        public List<string> UnitLabels { get; set; } = [];

        public string? ConditionNote { get; set; }

        public bool DepositReceived { get; set; }
    }

    public sealed class TakeBackInput
    {
        public int Units { get; set; }

        public string? ConditionNote { get; set; }

        public bool Damaged { get; set; }

        public bool DepositReturned { get; set; }

        public string? Reason { get; set; }
    }
}
