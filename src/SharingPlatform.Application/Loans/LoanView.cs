namespace SharingPlatform.Application.Loans;

/// <summary>A loan as the API and pages show it, with its steps.</summary>
public sealed record LoanView(
    Guid Id,
    Guid ResourceId,
    string ResourceTitle,
    Guid BorrowerId,
    int Units,
    DateOnly PickupOn,
    DateOnly ReturnOn,
    string Purpose,
    LoanStatus Status,
    int UnitsOut,
    int UnitsReturned,
    IReadOnlyList<string> UnitLabels,
    int DepositWon,
    bool DepositReceived,
    bool? DepositReturned,
    bool Damaged,
    IReadOnlyList<LoanStepView> History)
{
    public static LoanView From(Loan l, string resourceTitle) => new(
        l.Id, l.ResourceId, resourceTitle, l.BorrowerId, l.Units, l.PickupOn, l.ReturnOn, l.Purpose, l.Status, l.UnitsOut, l.UnitsReturned,
        l.UnitLabels, l.DepositWon, l.DepositReceived, l.DepositReturned, l.Damaged,
        l.History.OrderBy(c => c.At).Select(c => new LoanStepView(c.At, c.ActorId, c.Status, c.Note)).ToList());
}

public sealed record LoanStepView(DateTimeOffset At, Guid? ActorId, LoanStatus Status, string? Note);

/// <summary>A loan as lists show it.</summary>
public sealed record LoanListItem(
    Guid Id, Guid ResourceId, string ResourceTitle, Guid BorrowerId, string BorrowerName, int Units, DateOnly PickupOn, DateOnly ReturnOn,
    LoanStatus Status, int UnitsOut, int UnitsReturned);

public static class LoanLists
{
    public static IQueryable<LoanListItem> Items(this IApplicationDbContext db, IQueryable<Loan> loans) =>
        from l in loans
        join r in db.Resources on l.ResourceId equals r.Id
        join u in db.Users on l.BorrowerId equals u.Id
        orderby l.PickupOn, l.Id
        select new LoanListItem(l.Id, l.ResourceId, r.Title, l.BorrowerId, u.DisplayName, l.Units, l.PickupOn, l.ReturnOn, l.Status, l.UnitsOut, l.UnitsReturned);
}
