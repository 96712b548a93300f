namespace SharingPlatform.Application.Circles;

/// <summary>A host edits the circle; the cap never drops below its members (the circle's row is locked, as for a join).</summary>
public sealed record UpdateCircle(Guid Id, CircleInput Input) : ICommand<CircleDetailsView>;

public sealed class UpdateCircleValidator : AbstractValidator<UpdateCircle>
{
    public UpdateCircleValidator() => this.ValidCircleInput(c => c.Input);
}

public sealed class UpdateCircleHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<UpdateCircle, CircleDetailsView>
{
    public async ValueTask<CircleDetailsView> Handle(UpdateCircle command, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockCircleAsync(command.Id, cancellationToken);
            var caller = await db.CircleCallerAsync(command.Id, currentUser, track: true, cancellationToken);
            caller.RequireActiveHost();
            caller.Circle.Update(command.Input.ToDetails());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.CircleDetailsAsync(command.Id, currentUser, clock.GetUtcNow(), cancellationToken);
    }
}
