namespace SharingPlatform.Application.Notifications;

/// <summary>
/// Delivers the reminders that are due (a recurring job). Each batch locks its rows with <c>FOR UPDATE SKIP LOCKED</c>,
/// writes their notifications (and emails) and marks them sent in one transaction: a retry, a second run or a second
/// server never delivers one twice, and the unique key of notifications would refuse it if anything tried.
/// </summary>
public sealed record DispatchReminders : ICommand<DispatchedReminders>;

public sealed record DispatchedReminders(int Delivered, int Dropped);

public sealed class DispatchRemindersHandler(
    IApplicationDbContext db, Notifier notifier, IEnumerable<IReminderNotices> writers, TimeProvider clock)
    : ICommandHandler<DispatchReminders, DispatchedReminders>
{
    private const int BatchSize = 500;

    public async ValueTask<DispatchedReminders> Handle(DispatchReminders command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var writerOf = writers.SelectMany(w => w.Kinds.Select(k => (Kind: k, Writer: w))).ToDictionary(x => x.Kind, x => x.Writer);
        int sent = 0, dropped = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Reminders.FromSql($"""
                SELECT * FROM reminders
                WHERE sent_at IS NULL AND due_at <= {now}
                ORDER BY due_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (due.Count == 0)
                return new DispatchedReminders(sent, dropped);

            var recipients = (await notifier.PeopleAsync(due.Select(r => r.RecipientId), cancellationToken)).ToDictionary(r => r.Id);
            var delivered = await DeliveredAlreadyAsync(due, cancellationToken);
            var notices = new Dictionary<Guid, ReminderNotice>();
            foreach (var group in due.GroupBy(r => r.Kind))
            {
                if (writerOf.TryGetValue(group.Key, out var writer))
                {
                    foreach (var (id, notice) in await writer.DraftAsync(group.ToList(), cancellationToken))
                        notices[id] = notice;
                }
            }

            foreach (var reminder in due)
            {
                if (notices.TryGetValue(reminder.Id, out var notice) && recipients.TryGetValue(reminder.RecipientId, out var recipient)
                    && !delivered.Contains((reminder.RecipientId, reminder.Kind, reminder.SubjectId, reminder.DueAt)))
                {
                    notifier.Notify([recipient], reminder.Kind, reminder.SubjectId, reminder.DueAt, notice.Text, notice.Link, now);
                    sent++;
                }
                else
                {
                    dropped++;
                }

                reminder.MarkSent(now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The keys of this batch that already have their notification (a reminder re-created by hand, say): they are marked
    /// sent without a second one, so the unique key never fails, and blocks, a whole batch.
    /// </summary>
    private async Task<HashSet<(Guid, NotificationKind, Guid, DateTimeOffset)>> DeliveredAlreadyAsync(
        IReadOnlyList<Reminder> due, CancellationToken cancellationToken)
    {
        var recipientIds = due.Select(r => r.RecipientId).Distinct().ToList();
        var subjectIds = due.Select(r => r.SubjectId).Distinct().ToList();
        var existing = await db.Notifications.AsNoTracking()
            .Where(n => recipientIds.Contains(n.RecipientId) && subjectIds.Contains(n.SubjectId))
            .Select(n => new { n.RecipientId, n.Kind, n.SubjectId, n.DueAt })
            .ToListAsync(cancellationToken);
        return existing.Select(n => (n.RecipientId, n.Kind, n.SubjectId, n.DueAt)).ToHashSet();
    }
}
