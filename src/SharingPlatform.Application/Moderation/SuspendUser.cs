using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Loans;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Moderation;

/// <summary>
/// An administrator suspends a person's account, saying why. In one transaction, with the person's row locked: their
/// tokens and cookies stop (a new security stamp), their bookings and lab sessions that have not started are cancelled
/// (the owners and lab managers are told), their loans not yet picked up are cancelled and the lending desks told of
/// those and of any loan still out, their answers to meetings not yet started go to the waitlist, they are told
/// why, and the decision is audit-logged. 409 <c>user_already_suspended</c>; 422 <c>cannot_suspend_yourself</c>.
/// </summary>
public sealed record SuspendUser(Guid Id, string? Reason) : ICommand, IModerationDecision;

public sealed class SuspendUserValidator() : ModerationDecisionValidator<SuspendUser>(reasonRequired: true);

public sealed class SuspendUserHandler(
    IApplicationDbContext db, ICurrentUser currentUser, Notifier notifier, BookingNotices bookingNotices, LabNotices labNotices,
    CircleNotices circleNotices, LoanNotices loanNotices, TimeProvider clock) : ICommandHandler<SuspendUser>
{
    /// <summary>What a cancelled booking or session keeps as its reason.</summary>
    public static string CancellationReason => Texts.Get(Language.Korean, "CancellationReasonBookerSuspended");

    public async ValueTask<Unit> Handle(SuspendUser command, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireAdministrator();
        if (command.Id == adminId)
            throw new DomainRuleException("cannot_suspend_yourself", "An administrator cannot suspend their own account.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.LockUserAsync(command.Id, cancellationToken);
        user.Suspend(command.Reason, now);
        db.AuditEntries.Add(AuditEntry.Record(adminId, AuditActions.UserSuspend, "user", user.Id, user.SuspensionReason, now, UserStates.Active, UserStates.Suspended));
        await CancelBookingsAsync(user.Id, adminId, now, cancellationToken);
        await CancelLabSessionsAsync(user.Id, adminId, now, cancellationToken);
        await CancelLoansAsync(user.Id, user.DisplayName, adminId, now, cancellationToken);
        await ReleaseMeetingAnswersAsync(user.Id, now, cancellationToken);
        var reason = user.SuspensionReason;
        notifier.Notify(await notifier.PeopleAsync([user.Id], cancellationToken), NotificationKind.AccountSuspended, user.Id, now, language => new NoticeText(
                Texts.Get(language, "Notice_AccountSuspended_Title"),
                Texts.Get(language, "Notice_AccountSuspended_Body", NoticeText.Reasoned(language, reason))),
            "/", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task CancelBookingsAsync(Guid userId, Guid adminId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bookings = await db.Bookings.Holding()
            .Where(b => b.BookerId == userId && b.StartsAt > now)
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            booking.Cancel(adminId, CancellationReason, now);
            await bookingNotices.BookerSuspendedAsync(booking, now, cancellationToken);
        }
    }

    private async Task CancelLabSessionsAsync(Guid userId, Guid adminId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await db.LabBookings.Include(b => b.Equipment)
            .Where(b => b.BookerId == userId && b.Status == LabBookingStatus.Booked && b.SlotStartsAt > now)
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            var lab = await db.Labs.SingleAsync(l => l.Id == session.LabId, cancellationToken);
            await db.CancelAsync(session, adminId, byManager: true, CancellationReason, now, cancellationToken);
            await labNotices.BookerSuspendedAsync(session, lab, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task CancelLoansAsync(Guid userId, string borrower, Guid adminId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var loans = await db.Loans
            .Where(l => l.BorrowerId == userId && Loan.Holding.Contains(l.Status))
            .Join(db.Resources, l => l.ResourceId, r => r.Id, (l, r) => new { Loan = l, r.Title, r.OrganizationId })
            .OrderBy(l => l.Loan.Id)
            .ToListAsync(cancellationToken);
        foreach (var (loan, title, organizationId) in loans.Select(l => (l.Loan, l.Title, l.OrganizationId)))
        {
            if (loan.Status is LoanStatus.Requested or LoanStatus.Confirmed)
            {
                loan.Cancel(adminId, CancellationReason, now);
                await db.GiveBackAsync(loan, cancellationToken);
            }
            await loanNotices.BorrowerSuspendedAsync(loan, title, organizationId, borrower, now, cancellationToken);
        }
    }

    /// <summary>
    /// Circle by circle in id order, in the lock order of every membership change (circle, then the membership, then each
    /// meeting): an answer being given at this moment holds the membership row, so it commits first and is released here.
    /// </summary>
    private async Task ReleaseMeetingAnswersAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var circleIds = await db.Rsvps.AsNoTracking()
            .Where(r => r.UserId == userId && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted))
            .Join(db.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.StartsAt > now), r => r.MeetingId, m => m.Id, (r, m) => m.CircleId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        foreach (var circleId in circleIds)
        {
            await db.LockCircleAsync(circleId, cancellationToken);
            await db.LockMembershipAsync(circleId, userId, cancellationToken);
            var circle = await db.Circles.SingleAsync(c => c.Id == circleId, cancellationToken);
            await db.ReleaseAnswersAsync(circleNotices, circle, userId, now, cancellationToken);
        }
    }
}
