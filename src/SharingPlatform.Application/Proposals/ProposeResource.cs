using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Proposals;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Application.Proposals;

/// <summary>A signed-in resident proposes something that should be shared.</summary>
public sealed record ProposeResource(string Title, string? Description, ResourceCategory Category, string Municipality) : ICommand<ProposalView>;

public sealed class ProposeResourceValidator : AbstractValidator<ProposeResource>
{
    public ProposeResourceValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Proposal.TitleMaxLength);
        RuleFor(c => c.Description).MaximumLength(Proposal.DescriptionMaxLength);
        RuleFor(c => c.Category).IsInEnum();
        RuleFor(c => c.Municipality).Must(Municipality.IsKnown).WithMessage(_ => Texts.Get("UnknownMunicipality"));
    }
}

public sealed class ProposeResourceHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ProposeResource, ProposalView>
{
    public async ValueTask<ProposalView> Handle(ProposeResource command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var proposal = Proposal.Make(userId, command.Title, command.Description ?? "", command.Category, command.Municipality, clock.GetUtcNow());
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ViewAsync(proposal.Id, userId, cancellationToken);
    }
}
