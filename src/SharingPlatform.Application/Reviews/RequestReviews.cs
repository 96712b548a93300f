using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Application.Reviews;

/// <summary>
/// The day after: everyone whose completed booking, checked-in lab session, attended meeting or returned loan ended
/// between 24 and 48 hours ago by the app's clock, and who has not reviewed it, is asked once for a review (inbox and
/// email, <see cref="NotificationKind.ReviewRequested"/>), unless suspended. One run at a time (a transaction-level
/// advisory lock), and (subject, person) is the key of the requests, so two job servers ask once.
/// </summary>
public sealed record RequestReviews(int BatchSize = 500) : ICommand<int>;

public sealed class RequestReviewsHandler(IApplicationDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<RequestReviews, int>
{
    private const long AdvisoryLockKey = 0x5245_5649_4557; // "REVIEW"

    public static readonly TimeSpan After = TimeSpan.FromHours(24);
    public static readonly TimeSpan Until = TimeSpan.FromHours(48);

    /// <summary>Built with an initializer, not a constructor, so that EF Core can filter on its members.</summary>
    private sealed class Candidate
    {
        public ReviewSubject SubjectType { get; init; }
        public Guid SubjectId { get; init; }
        public Guid UserId { get; init; }
        public string Title { get; init; } = "";
    }

    public async ValueTask<int> Handle(RequestReviews command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (from, to) = (now - Until, now - After);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);

        var bookings = db.Bookings
            .Where(b => b.Status == BookingStatus.Completed && b.EndsAt >= from && b.EndsAt < to)
            .Select(b => new Candidate
            {
                SubjectType = ReviewSubject.Booking,
                SubjectId = b.Id,
                UserId = b.BookerId,
                Title = db.Resources.Where(r => r.Id == b.ResourceId).Select(r => r.Title).First(),
            });
        var sessions = db.LabBookings
            .Where(b => (b.Status == LabBookingStatus.CheckedIn || b.Status == LabBookingStatus.Completed) && b.SlotEndsAt >= from && b.SlotEndsAt < to)
            .Select(b => new Candidate
            {
                SubjectType = ReviewSubject.LabBooking,
                SubjectId = b.Id,
                UserId = b.BookerId,
                Title = db.Labs.Where(l => l.Id == b.LabId).Select(l => l.Name).First(),
            });
        var meetings = db.Rsvps.Where(r => r.Attended == true)
            .Join(db.Meetings.Where(m => m.EndsAt >= from && m.EndsAt < to), r => r.MeetingId, m => m.Id, (r, m) => new Candidate
            {
                SubjectType = ReviewSubject.Meeting,
                SubjectId = m.Id,
                UserId = r.UserId,
                Title = m.Title,
            });
        var loans = db.Loans
            .Where(l => l.Status == LoanStatus.Returned)
            .Select(l => new { Loan = l, ReturnedAt = l.History.Where(c => c.Status == LoanStatus.Returned).Max(c => (DateTimeOffset?)c.At) })
            .Where(l => l.ReturnedAt >= from && l.ReturnedAt < to)
            .Select(l => new Candidate
            {
                SubjectType = ReviewSubject.Loan,
                SubjectId = l.Loan.Id,
                UserId = l.Loan.BorrowerId,
                Title = db.Resources.Where(r => r.Id == l.Loan.ResourceId).Select(r => r.Title).First(),
            });

        var candidates = new List<Candidate>();
        foreach (var (type, subjects) in new[] { (ReviewSubject.Booking, bookings), (ReviewSubject.LabBooking, sessions), (ReviewSubject.Meeting, meetings), (ReviewSubject.Loan, loans) })
            candidates.AddRange(await Open(type, subjects).Take(command.BatchSize).ToListAsync(cancellationToken));

        var people = (await notifier.PeopleAsync(candidates.Select(c => c.UserId), cancellationToken)).ToDictionary(p => p.Id);
        foreach (var candidate in candidates)
        {
            db.ReviewRequests.Add(ReviewRequest.Make(candidate.SubjectType, candidate.SubjectId, candidate.UserId, now));
            notifier.Notify([people[candidate.UserId]], NotificationKind.ReviewRequested, candidate.SubjectId, now, language => new NoticeText(
                    Texts.Get(language, "Notice_ReviewRequested_Title", candidate.Title),
                    Texts.Get(language, "Notice_ReviewRequested_Body", candidate.Title)),
                ReviewAccess.NewLink(candidate.SubjectType, candidate.SubjectId), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return candidates.Count;
    }

    /// <summary>The candidates not asked yet, not reviewed yet, and whose person is not suspended now.</summary>
    private IQueryable<Candidate> Open(ReviewSubject type, IQueryable<Candidate> candidates) =>
        candidates.Where(c =>
            !db.ReviewRequests.Any(q => q.SubjectType == type && q.SubjectId == c.SubjectId && q.UserId == c.UserId)
            && !db.Reviews.Any(r => r.SubjectType == type && r.SubjectId == c.SubjectId && r.AuthorId == c.UserId)
            && db.Users.Any(u => u.Id == c.UserId && u.SuspendedAt == null))
            .OrderBy(c => c.SubjectId).ThenBy(c => c.UserId);
}
