using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Loans;

/// <summary>What borrowers and lending desks are told, and reminded of, about loans; written in the transaction of the change.</summary>
public sealed class LoanNotices(Notifier notifier)
{
    /// <summary>Reminders and overdue notices go out at nine in the morning, Seoul time.</summary>
    public static readonly TimeOnly MorningAt = new(9, 0);

    /// <summary>Every notice about a loan leads to the loan's page, where the borrower and the desk each see what they can do.</summary>
    public static string Link(Guid loanId) => $"/Loans/Details/{loanId}";

    /// <summary>A new loan: confirmed, the borrower is told; requested, the lending organization's members are.</summary>
    public async Task RequestedAsync(Loan loan, string resource, Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (loan.Status == LoanStatus.Confirmed)
            await ConfirmedAsync(loan, resource, now, cancellationToken);
        else
            Tell(await notifier.MembersAsync(organizationId, cancellationToken), NotificationKind.LoanRequested, loan, resource, now);
    }

    public async Task ConfirmedAsync(Loan loan, string resource, DateTimeOffset now, CancellationToken cancellationToken) =>
        Tell(await notifier.PeopleAsync([loan.BorrowerId], cancellationToken), NotificationKind.LoanConfirmed, loan, resource, now);

    public async Task RejectedAsync(Loan loan, string resource, DateTimeOffset now, CancellationToken cancellationToken) =>
        Tell(await notifier.PeopleAsync([loan.BorrowerId], cancellationToken), NotificationKind.LoanRejected, loan, resource, now);

    /// <summary>The other side is told: the desk when the borrower cancelled, else the borrower.</summary>
    public async Task CancelledAsync(Loan loan, string resource, Guid organizationId, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byBorrower = by == loan.BorrowerId;
        var told = byBorrower ? await notifier.MembersAsync(organizationId, cancellationToken) : await notifier.PeopleAsync([loan.BorrowerId], cancellationToken);
        Tell(told, NotificationKind.LoanCancelled, loan, resource, now);
    }

    /// <summary>
    /// The borrower's account was suspended: the desk hears of each loan cancelled for it, and of each loan still out (its
    /// reminders stay, so the units still come back).
    /// </summary>
    public async Task BorrowerSuspendedAsync(Loan loan, string resource, Guid organizationId, string borrower, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cancelled = loan.Status == LoanStatus.Cancelled;
        if (cancelled)
            await notifier.UnscheduleAsync([loan.Id], cancellationToken);
        var kind = cancelled ? NotificationKind.LoanCancelled : NotificationKind.LoanBorrowerSuspended;
        var words = cancelled ? "LoanCancelledBorrowerSuspended" : "LoanBorrowerSuspended";
        notifier.Notify(await notifier.MembersAsync(organizationId, cancellationToken), kind, loan.Id, now, language => new NoticeText(
            Texts.Get(language, $"Notice_{words}_Title", resource),
            Texts.Get(language, $"Notice_{words}_Body", borrower, resource, loan.Units, Day(language, loan.PickupOn), Day(language, loan.ReturnOn))),
            Link(loan.Id), now);
    }

    /// <summary>
    /// The units went out: the borrower is reminded the morning before the return day, and on the first morning after it
    /// the borrower and the desk are told if the loan is still out (each reminder checks the loan when it is due).
    /// </summary>
    public async Task HandedOverAsync(Loan loan, Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminder = SeoulTime.At(loan.ReturnOn.AddDays(-1), MorningAt);
        if (reminder > now)
            notifier.Schedule(loan.BorrowerId, NotificationKind.LoanReturnReminder, loan.Id, reminder, now);
        var overdue = SeoulTime.At(loan.ReturnOn.AddDays(1), MorningAt);
        foreach (var person in (await notifier.MembersAsync(organizationId, cancellationToken)).Select(m => m.Id).Append(loan.BorrowerId).Distinct())
            notifier.Schedule(person, NotificationKind.LoanOverdue, loan.Id, overdue, now);
    }

    /// <summary>
    /// Units were taken out of service on days these loans were promised: each borrower is told that the desk will confirm
    /// whether the loan can go ahead in full.
    /// </summary>
    public async Task UnitsOutOfServiceAsync(IReadOnlyList<Loan> atRisk, string resource, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var loan in atRisk)
            Tell(await notifier.PeopleAsync([loan.BorrowerId], cancellationToken), NotificationKind.LoanUnitsOutOfService, loan, resource, now);
    }

    /// <summary>Everything is back, or written off as lost: what was scheduled for the loan is not needed any more.</summary>
    public Task ReturnedAsync(Loan loan, CancellationToken cancellationToken) =>
        notifier.UnscheduleAsync([loan.Id], cancellationToken);

    public static Func<Language, NoticeText>? ReminderText(NotificationKind kind, Loan loan, string resource, DateTimeOffset now) =>
        kind switch
        {
            NotificationKind.LoanReturnReminder when loan.Status == LoanStatus.Out => Text(kind, loan, resource),
            NotificationKind.LoanOverdue when loan.Status == LoanStatus.Overdue || loan.IsOverdueAt(now) => Text(kind, loan, resource),
            _ => null,
        };

    private void Tell(IReadOnlyList<Recipient> people, NotificationKind kind, Loan loan, string resource, DateTimeOffset now) =>
        notifier.Notify(people, kind, loan.Id, now, Text(kind, loan, resource), Link(loan.Id), now);

    private static Func<Language, NoticeText> Text(NotificationKind kind, Loan loan, string resource) => language => new NoticeText(
        Texts.Get(language, $"Notice_{kind}_Title", resource),
        Texts.Get(language, $"Notice_{kind}_Body", resource, loan.Units, Day(language, loan.PickupOn), Day(language, loan.ReturnOn)));

    private static string Day(Language language, DateOnly day) => Texts.Get(language, "DayFormat", day.ToDateTime(TimeOnly.MinValue));
}
