using SharingPlatform.Application.Notifications;

namespace SharingPlatform.Application.Loans;

/// <summary>Due loan reminders: the morning before the return day, and the first morning a loan is overdue.</summary>
public sealed class LoanReminders(IApplicationDbContext db, TimeProvider clock) : IReminderNotices
{
    public IReadOnlyCollection<NotificationKind> Kinds { get; } = [NotificationKind.LoanReturnReminder, NotificationKind.LoanOverdue];

    public async Task<IReadOnlyDictionary<Guid, ReminderNotice>> DraftAsync(IReadOnlyList<Reminder> due, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var loanIds = due.Select(r => r.SubjectId).Distinct().ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => loanIds.Contains(l.Id))
            .Join(db.Resources, l => l.ResourceId, r => r.Id, (l, r) => new { Loan = l, r.Title })
            .ToDictionaryAsync(x => x.Loan.Id, cancellationToken);
        var notices = new Dictionary<Guid, ReminderNotice>();
        foreach (var reminder in due)
        {
            if (loans.TryGetValue(reminder.SubjectId, out var found) && LoanNotices.ReminderText(reminder.Kind, found.Loan, found.Title, now) is { } text)
                notices[reminder.Id] = new ReminderNotice(text, LoanNotices.Link(found.Loan.Id));
        }

        return notices;
    }
}
