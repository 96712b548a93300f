using SharingPlatform.Application.Organizations;

namespace SharingPlatform.Application.Resources;

/// <summary>A member of a verified organization lists a resource as a draft.</summary>
public sealed record CreateResource(Guid OrganizationId, ResourceInput Input) : ICommand<ResourceView>;

public sealed class CreateResourceValidator : AbstractValidator<CreateResource>
{
    public CreateResourceValidator()
    {
        RuleFor(c => c.OrganizationId).NotEmpty();
        this.ValidResourceInput(c => c.Input);
    }
}

public sealed class CreateResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateResource, ResourceView>
{
    public async ValueTask<ResourceView> Handle(CreateResource command, CancellationToken cancellationToken)
    {
        if (!await db.IsMemberAsync(command.OrganizationId, currentUser.RequireId(), cancellationToken))
            throw OrganizationAccess.NotFound();
        await db.RequireVerifiedAsync(command.OrganizationId, cancellationToken);

        var resource = SharedResource.CreateDraft(command.OrganizationId, command.Input.ToDetails(), command.Input.Policy.ToPolicy(), clock.GetUtcNow(),
            command.Input.Lending?.ToLending());
        db.Resources.Add(resource);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(resource, cancellationToken);
    }
}
