namespace SharingPlatform.Application.Labs;

/// <summary>
/// A lab manager grants a person (by email) a qualification for a piece of equipment until a Seoul date inclusive; a
/// person already holding an unrevoked one has it extended. Two grants racing are settled by a unique index (409). The
/// answer is the same for an email with no account (nothing is granted), so the form tells nobody who has an account.
/// </summary>
public sealed record GrantQualification(Guid LabId, string UserEmail, Guid EquipmentId, DateOnly ValidUntil) : ICommand;

public sealed record QualificationView(
    Guid Id, Guid LabId, string LabName, Guid EquipmentId, string EquipmentName, string QualificationName, Guid UserId, string UserName,
    string UserEmail, DateOnly ValidUntil, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, string? RevokedReason, QualificationState State);

public enum QualificationState
{
    Valid,
    ExpiringSoon,
    Expired,
    Revoked,
}

public sealed class GrantQualificationValidator : AbstractValidator<GrantQualification>
{
    public GrantQualificationValidator()
    {
        RuleFor(c => c.UserEmail).NotEmpty().EmailAddress();
        RuleFor(c => c.EquipmentId).NotEmpty();
    }
}

public sealed class GrantQualificationHandler(IApplicationDbContext db, ICurrentUser currentUser, LabNotices notices, TimeProvider clock)
    : ICommandHandler<GrantQualification>
{
    public async ValueTask<Unit> Handle(GrantQualification command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var managerId = currentUser.RequireId();
        var equipment = await db.LoadEquipmentAsync(lab.Id, command.EquipmentId, cancellationToken);
        var email = command.UserEmail.Trim().ToUpperInvariant();
        if (await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken) is not { } userId)
            return Unit.Value;
        var now = clock.GetUtcNow();

        var qualification = await db.Qualifications.SingleOrDefaultAsync(q => q.UserId == userId && q.EquipmentId == equipment.Id && q.RevokedAt == null, cancellationToken);
        if (qualification is null)
        {
            qualification = Qualification.Grant(equipment, userId, command.ValidUntil, managerId, now);
            db.Qualifications.Add(qualification);
        }
        else
        {
            qualification.Extend(command.ValidUntil, managerId, now);
        }

        await notices.QualificationGrantedAsync(qualification, equipment, lab, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (LabConflicts.From(e) is { } conflict)
        {
            throw conflict;
        }

        return Unit.Value;
    }
}

public static class QualificationListing
{
    /// <summary>A qualification expiring within this many days is "expiring soon" on the console.</summary>
    public const int ExpiringSoonDays = 30;

    public static IQueryable<QualificationView> QualificationViews(this IApplicationDbContext db, IQueryable<Qualification> qualifications, DateTimeOffset now)
    {
        var today = SeoulTime.DateOf(now);
        var soon = today.AddDays(ExpiringSoonDays);
        return qualifications.AsNoTracking().Select(q => new QualificationView(
            q.Id, q.LabId, db.Labs.Where(l => l.Id == q.LabId).Select(l => l.Name).Single(),
            q.EquipmentId, db.Equipment.Where(e => e.Id == q.EquipmentId).Select(e => e.Name).Single(),
            db.Equipment.Where(e => e.Id == q.EquipmentId).Select(e => e.QualificationName).Single(),
            q.UserId, db.Users.Where(u => u.Id == q.UserId).Select(u => u.DisplayName).Single(),
            db.Users.Where(u => u.Id == q.UserId).Select(u => u.Email!).Single(),
            q.ValidUntil, q.GrantedAt, q.RevokedAt, q.RevokedReason,
            q.RevokedAt != null ? QualificationState.Revoked
                : q.ValidUntil < today ? QualificationState.Expired
                : q.ValidUntil <= soon ? QualificationState.ExpiringSoon
                : QualificationState.Valid));
    }
}
