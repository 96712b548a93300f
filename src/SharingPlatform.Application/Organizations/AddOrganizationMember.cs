using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>An owner adds a person who has an account, by email, as owner or staff.</summary>
public sealed record AddOrganizationMember(Guid OrganizationId, string Email, MemberRole Role) : ICommand;

public sealed class AddOrganizationMemberValidator : AbstractValidator<AddOrganizationMember>
{
    public AddOrganizationMemberValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.Role).IsInEnum();
    }
}

public sealed class AddOrganizationMemberHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddOrganizationMember>
{
    public async ValueTask<Unit> Handle(AddOrganizationMember command, CancellationToken cancellationToken)
    {
        var organization = await db.LoadForOwnerAsync(command.OrganizationId, currentUser, cancellationToken);
        var normalized = command.Email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new ValidationFailure("email",
                Texts.Pick("이 이메일로 가입한 사람이 없습니다. 먼저 가입하도록 안내하세요.", "Nobody has an account with this email. Ask them to sign up first."))]);

        organization.AddMember(userId, command.Role, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
