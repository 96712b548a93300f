using SharingPlatform.Application.Organizations;

namespace SharingPlatform.Application.Labs;

/// <summary>A member of a verified organization creates a lab as a draft and becomes its first manager.</summary>
public sealed record CreateLab(Guid OrganizationId, LabInput Input) : ICommand<LabView>;

public sealed class CreateLabValidator : AbstractValidator<CreateLab>
{
    public CreateLabValidator()
    {
        RuleFor(c => c.OrganizationId).NotEmpty();
        this.ValidLabInput(c => c.Input);
    }
}

public sealed class CreateLabHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CreateLab, LabView>
{
    public async ValueTask<LabView> Handle(CreateLab command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        if (!await db.IsMemberAsync(command.OrganizationId, userId, cancellationToken))
            throw OrganizationAccess.NotFound();
        await db.RequireVerifiedAsync(command.OrganizationId, cancellationToken);
        var now = clock.GetUtcNow();
        var lab = Lab.CreateDraft(command.OrganizationId, command.Input.ToDetails(), command.Input.ToTimetable(), userId, now);
        db.Labs.Add(lab);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(lab.Id, userId, now, cancellationToken);
    }
}
