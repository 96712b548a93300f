using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>A signed-in resident founds a study circle, published at once, and hosts it.</summary>
public sealed record CreateCircle(CircleInput Input) : ICommand<CircleDetailsView>;

public sealed class CreateCircleValidator : AbstractValidator<CreateCircle>
{
    public CreateCircleValidator() => this.ValidCircleInput(c => c.Input);
}

public sealed class CreateCircleHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CreateCircle, CircleDetailsView>
{
    public async ValueTask<CircleDetailsView> Handle(CreateCircle command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (circle, host) = Circle.Create(currentUser.RequireId(), command.Input.ToDetails(), now);
        db.Circles.Add(circle);
        db.CircleMembers.Add(host);
        await db.SaveChangesAsync(cancellationToken);
        return await db.CircleDetailsAsync(circle.Id, currentUser, now, cancellationToken);
    }
}
