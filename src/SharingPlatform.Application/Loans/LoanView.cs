using SharingPlatform.Domain.Loans;

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
