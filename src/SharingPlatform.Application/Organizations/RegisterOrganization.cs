using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>A signed-in person registers a cooperative, social enterprise…; it waits for an administrator, and they become its owner.</summary>
public sealed record RegisterOrganization(
    string Name,
    OrganizationKind Kind,
    string BusinessRegistrationNumber,
    string Municipality,
    string Address,
    string Phone,
    string Email,
    string? Description) : ICommand<OrganizationView>;

public sealed class RegisterOrganizationValidator : AbstractValidator<RegisterOrganization>
{
    public RegisterOrganizationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Organization.NameMaxLength);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.BusinessRegistrationNumber).NotEmpty()
            .Must(n => Domain.Organizations.BusinessRegistrationNumber.TryParse(n, out _))
            .WithMessage(_ => Texts.Get("InvalidBusinessRegistrationNumber"));
        RuleFor(c => c.Municipality).Must(Municipality.IsKnown)
            .WithMessage(_ => Texts.Get("UnknownMunicipality"));
        RuleFor(c => c.Address).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Phone).NotEmpty().MaximumLength(30).Matches(@"^[0-9+\-() ]+$");
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.Description).MaximumLength(2000);
    }
}

public sealed class RegisterOrganizationHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegisterOrganization, OrganizationView>
{
    public async ValueTask<OrganizationView> Handle(RegisterOrganization command, CancellationToken cancellationToken)
    {
        var organization = Organization.Register(
            command.Name, command.Kind, BusinessRegistrationNumber.Parse(command.BusinessRegistrationNumber),
            Municipality.FromCode(command.Municipality), command.Address, command.Phone, command.Email,
            command.Description ?? "", currentUser.RequireId(), clock.GetUtcNow());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken); // a number already registered: the unique index answers 409
        return OrganizationView.From(organization);
    }
}
