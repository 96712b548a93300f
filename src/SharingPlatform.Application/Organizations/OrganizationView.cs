using System.Linq.Expressions;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Application.Organizations;

/// <summary>An organization as the API and pages show it.</summary>
public sealed record OrganizationView(
    Guid Id,
    string Name,
    OrganizationKind Kind,
    string BusinessRegistrationNumber,
    string Municipality,
    string Address,
    string Phone,
    string Email,
    string Description,
    OrganizationStatus Status,
    string? StatusReason,
    DateTimeOffset RegisteredAt)
{
    public static readonly Expression<Func<Organization, OrganizationView>> FromEntity = o => new OrganizationView(
        o.Id, o.Name, o.Kind, o.BusinessRegistrationNumber, o.Municipality, o.Address, o.Phone, o.Email, o.Description,
        o.Status, o.StatusReason, o.RegisteredAt);

    private static readonly Func<Organization, OrganizationView> FromLoaded = FromEntity.Compile();

    public static OrganizationView From(Organization organization) => FromLoaded(organization);
}

public sealed record MemberView(Guid UserId, string Email, string DisplayName, MemberRole Role, DateTimeOffset AddedAt);
