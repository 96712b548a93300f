namespace SharingPlatform.Application.Labs;

/// <summary>A lab manager revokes a qualification with a reason; the person is told. Sessions already booked keep their equipment.</summary>
public sealed record RevokeQualification(Guid LabId, Guid QualificationId, string? Reason) : ICommand<QualificationView>;

public sealed class RevokeQualificationValidator : AbstractValidator<RevokeQualification>
{
    public RevokeQualificationValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(Qualification.ReasonMaxLength);
}

public sealed class RevokeQualificationHandler(IApplicationDbContext db, ICurrentUser currentUser, LabNotices notices, TimeProvider clock)
    : ICommandHandler<RevokeQualification, QualificationView>
{
    public async ValueTask<QualificationView> Handle(RevokeQualification command, CancellationToken cancellationToken)
    {
        var lab = await db.LoadForManagerAsync(command.LabId, currentUser, cancellationToken);
        var qualification = await db.Qualifications.SingleOrDefaultAsync(q => q.Id == command.QualificationId && q.LabId == lab.Id, cancellationToken)
            ?? throw new NotFoundException(Texts.Get("NoSuchQualification"));
        var equipment = await db.LoadEquipmentAsync(lab.Id, qualification.EquipmentId, cancellationToken);
        var now = clock.GetUtcNow();
        qualification.Revoke(currentUser.RequireId(), command.Reason!, now);
        await notices.QualificationRevokedAsync(qualification, equipment, lab, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.QualificationViews(db.Qualifications.Where(q => q.Id == qualification.Id), now).SingleAsync(cancellationToken);
    }
}
