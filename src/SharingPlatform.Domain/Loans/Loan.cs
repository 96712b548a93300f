namespace SharingPlatform.Domain.Loans;

public enum LoanStatus
{
    Requested,
    Confirmed,
    Rejected,
    Cancelled,
    Out,
    Returned,
    Overdue,
    Lost,
}

/// <summary>
/// A resident borrows <see cref="Units"/> identical units of a lent resource from the pick-up day to the return day (whole
/// Seoul days, both included). requested → confirmed (at once under automatic approval) → out at the desk → returned,
/// possibly in parts; a loan still out after its return day is overdue, and lost when more than
/// <see cref="LostAfterDays"/> days overdue. Requested and confirmed loans can be rejected or cancelled before they go out.
/// Every step is kept in <see cref="History"/> with who took it, when and a note.
/// </summary>
public sealed class Loan
{
    public const int PurposeMaxLength = 500;
    public const int NoteMaxLength = 1000;
    public const int LostAfterDays = 14;

    private readonly List<LoanChange> _history = [];

    private Loan()
    {
    }

    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public Guid BorrowerId { get; private set; }
    public int Units { get; private set; }
    public DateOnly PickupOn { get; private set; }
    public DateOnly ReturnOn { get; private set; }
    public string Purpose { get; private set; } = "";
    public LoanStatus Status { get; private set; }
    public int UnitsOut { get; private set; }
    public int UnitsReturned { get; private set; }
    public IReadOnlyList<string> UnitLabels { get; private set; } = [];
    public int DepositWon { get; private set; }
    public bool DepositReceived { get; private set; }
    public bool? DepositReturned { get; private set; }
    public bool Damaged { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>While overdue: the last day its units still out are held beyond the return day (see <see cref="HoldLate"/>).</summary>
    public DateOnly? HeldThrough { get; private set; }

    public uint Version { get; private set; }
    public IReadOnlyList<LoanChange> History => _history;

    /// <summary>The statuses in which a loan holds its units on its days.</summary>
    public static IReadOnlyList<LoanStatus> Holding { get; } = [LoanStatus.Requested, LoanStatus.Confirmed, LoanStatus.Out, LoanStatus.Overdue];

    public bool IsHolding => Holding.Contains(Status);

    /// <summary>The loan's days, pick-up to return, both included.</summary>
    public IEnumerable<DateOnly> Days => Enumerable.Range(0, ReturnOn.DayNumber - PickupOn.DayNumber + 1).Select(PickupOn.AddDays);

    /// <summary>
    /// A loan every rule of the resource's lending allows; the caller counts the units the borrower already holds and the
    /// database settles the units left on each day.
    /// </summary>
    public static Loan Request(
        SharedResource resource, Guid borrowerId, int units, DateOnly pickupOn, DateOnly returnOn, string purpose, LoanStanding standing,
        DateTimeOffset now)
    {
        LoanRules.Check(resource, units, pickupOn, returnOn, standing, now);
        var lending = resource.Lending!;
        var loan = new Loan
        {
            Id = Guid.CreateVersion7(now),
            ResourceId = resource.Id,
            BorrowerId = borrowerId,
            Units = units,
            PickupOn = pickupOn,
            ReturnOn = returnOn,
            Purpose = purpose.Trim(),
            DepositWon = lending.DepositWon * units,
            CreatedAt = now.ToUniversalTime(),
        };
        loan.MoveTo(lending.ApprovalMode == ApprovalMode.Automatic ? LoanStatus.Confirmed : LoanStatus.Requested, borrowerId, null, now);
        return loan;
    }

    public void Approve(Guid by, DateTimeOffset now)
    {
        Require(LoanStatus.Requested, "loan_not_requested");
        MoveTo(LoanStatus.Confirmed, by, null, now);
    }

    public void Reject(Guid by, string reason, DateTimeOffset now)
    {
        Require(LoanStatus.Requested, "loan_not_requested");
        MoveTo(LoanStatus.Rejected, by, Reason.Require(reason), now);
    }

    /// <summary>The borrower or the desk calls it off before the units go out: they are free again at once.</summary>
    public void Cancel(Guid by, string? reason, DateTimeOffset now)
    {
        if (Status is not (LoanStatus.Requested or LoanStatus.Confirmed))
            throw new IllegalTransitionException("loan_not_cancellable", $"A loan that is {Status} cannot be cancelled.");
        MoveTo(LoanStatus.Cancelled, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
    }

    /// <summary>
    /// The desk gives the units out, from the pick-up day on: by label where the resource labels its units (as many labels
    /// as units, each a label of the resource), with a note on their condition and whether the deposit was received.
    /// </summary>
    public void HandOver(Guid by, LendingPolicy lending, IReadOnlyList<string>? labels, string? conditionNote, bool depositReceived, DateTimeOffset now)
    {
        Require(LoanStatus.Confirmed, "loan_not_confirmed");
        if (SeoulTime.DateOf(now) < PickupOn)
            throw new DomainRuleException("before_pickup_day", $"The units go out on {PickupOn:yyyy-MM-dd}.", PickupOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var given = (labels ?? []).Select(l => l.Trim()).ToList();
        if (lending.UnitLabels.Count > 0
            && (given.Count != Units || given.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Units
                || given.Any(l => !lending.UnitLabels.Contains(l, StringComparer.OrdinalIgnoreCase))))
            throw new DomainRuleException("unit_labels_mismatch", $"Name the {Units} units given by their labels.", Units);
        UnitLabels = given;
        UnitsOut = Units;
        DepositReceived = depositReceived;
        MoveTo(LoanStatus.Out, by, Note(conditionNote), now);
    }

    /// <summary>
    /// The desk takes units back: all of them, or some (a partial return; the loan stays out). A deposit kept needs a
    /// reason. Damage is remembered for the whole loan.
    /// </summary>
    public void TakeBack(Guid by, int units, string? conditionNote, bool damaged, bool depositReturned, string? reason, DateTimeOffset now)
    {
        if (Status is not (LoanStatus.Out or LoanStatus.Overdue))
            throw new IllegalTransitionException("loan_not_out", $"A loan that is {Status} is not out.");
        if (units < 1 || units > UnitsOut - UnitsReturned)
            throw new DomainRuleException("return_units_invalid", $"Between 1 and {UnitsOut - UnitsReturned} units are out.", UnitsOut - UnitsReturned);
        var complete = UnitsReturned + units == UnitsOut;
        var kept = complete && DepositReceived && !depositReturned ? Reason.Require(reason) : null;
        UnitsReturned += units;
        Damaged |= damaged;
        if (complete && DepositReceived)
            DepositReturned = depositReturned;

        var note = string.Join(" / ", new[] { Note(conditionNote), kept }.OfType<string>());
        MoveTo(complete ? LoanStatus.Returned : Status, by, Note(note), now);
    }

    /// <summary>Whether the loan is still out after the end of its return day (Seoul).</summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        Status == LoanStatus.Out && now >= SeoulTime.StartOf(ReturnOn.AddDays(1));

    /// <summary>The platform marks a loan still out after its return day overdue.</summary>
    public void MarkOverdue(DateTimeOffset now)
    {
        if (!IsOverdueAt(now))
            throw new IllegalTransitionException("loan_not_overdue", "The loan is not past its return day.");
        MoveTo(LoanStatus.Overdue, null, null, now);
    }

    public int UnitsStillOut => UnitsOut - UnitsReturned;

    /// <summary>
    /// An overdue loan's units still out are not there to lend: they are held on the days after the return day, up to
    /// <paramref name="through"/> (the platform keeps this a day ahead, each day). Answers the days newly held, if any.
    /// </summary>
    public (DateOnly From, DateOnly To)? HoldLate(DateOnly through)
    {
        Require(LoanStatus.Overdue, "loan_not_overdue");
        var from = (HeldThrough ?? ReturnOn).AddDays(1);
        if (from > through)
            return null;
        HeldThrough = through;
        return (from, through);
    }

    /// <summary>The days from <paramref name="from"/> on on which units given back or written off were held late, if any.</summary>
    public (DateOnly From, DateOnly To)? LateDaysFrom(DateOnly from)
    {
        var first = from > ReturnOn ? from : ReturnOn.AddDays(1);
        return HeldThrough is { } last && first <= last ? (first, last) : null;
    }

    /// <summary>The desk writes off units not back more than <see cref="LostAfterDays"/> days after the return day.</summary>
    public void MarkLost(Guid by, string reason, DateTimeOffset now)
    {
        Require(LoanStatus.Overdue, "loan_not_overdue");
        if (now < SeoulTime.StartOf(ReturnOn.AddDays(LostAfterDays + 1)))
            throw new DomainRuleException("too_early_to_mark_lost", $"A loan is marked lost only {LostAfterDays} days after its return day.", LostAfterDays);
        MoveTo(LoanStatus.Lost, by, Reason.Require(reason), now);
    }

    private void Require(LoanStatus status, string code)
    {
        if (Status != status)
            throw new IllegalTransitionException(code, $"The loan is {Status}, not {status}.");
    }

    private static string? Note(string? note) =>
        string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private void MoveTo(LoanStatus status, Guid? by, string? note, DateTimeOffset now)
    {
        Status = status;
        _history.Add(new LoanChange(Guid.CreateVersion7(now), Id, now.ToUniversalTime(), by, status, note));
    }
}

/// <summary>One step of a loan: who (none: the platform), when, the status it left, and a note (condition, reason).</summary>
public sealed class LoanChange(Guid id, Guid loanId, DateTimeOffset at, Guid? actorId, LoanStatus status, string? note)
{
    public Guid Id { get; private set; } = id;
    public Guid LoanId { get; private set; } = loanId;
    public DateTimeOffset At { get; private set; } = at;
    public Guid? ActorId { get; private set; } = actorId;
    public LoanStatus Status { get; private set; } = status;
    public string? Note { get; private set; } = note;
}

/// <summary>What the lending rules need to know about the borrower: the units of the resource they already hold and a pause.</summary>
public sealed record LoanStanding(int UnitsHeld, DateTimeOffset? PausedUntil = null);

/// <summary>
/// The database's count of one day of a lent resource (table <c>loan_days</c>): the units that exist that day, those
/// promised to loans, those out of service and those held by overdue loans after their return day, created by the first
/// loan, outage or overdue loan that takes the day. A unit out of service or held late can leave a day short of the
/// loans promised before (the three counts above the units): those loans are warned, and no new loan is promised that day.
/// </summary>
public sealed class LoanDay
{
    private LoanDay()
    {
    }

    public Guid ResourceId { get; private set; }
    public DateOnly Day { get; private set; }
    public int Units { get; private set; }
    public int UnitsTaken { get; private set; }
    public int UnitsOutOfService { get; private set; }
    public int UnitsHeldLate { get; private set; }
}
