using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Web.Api;

public static class OrganizationsEndpoints
{
    public sealed record AddMemberRequest(string Email, MemberRole Role);

    public sealed record InvitedResponse(string Status);

    /// <summary>
    /// The API's organization body: the contract's fields at the top level (<c>id, name, kind, status…</c>), plus the
    /// members and the caller's role for its members and administrators (null for everyone else).
    /// </summary>
    public sealed record OrganizationResponse(
        Guid Id, string Name, OrganizationKind Kind, string BusinessRegistrationNumber, string Municipality, string Address,
        string Phone, string Email, string Description, OrganizationStatus Status, string? StatusReason, DateTimeOffset RegisteredAt,
        IReadOnlyList<MemberView>? Members, MemberRole? MyRole)
    {
        public static OrganizationResponse From(OrganizationDetails details)
        {
            var o = details.Organization;
            return new(o.Id, o.Name, o.Kind, o.BusinessRegistrationNumber, o.Municipality, o.Address, o.Phone, o.Email,
                o.Description, o.Status, o.StatusReason, o.RegisteredAt, details.Members, details.MyRole);
        }
    }

    public static void MapOrganizationsEndpoints(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");

        organizations.MapPost("", async (RegisterOrganization command, ISender sender, CancellationToken ct) =>
        {
            var organization = await sender.Send(command, ct);
            return TypedResults.Created($"/api/v1/organizations/{organization.Id}", organization);
        }).Idempotent().RequireAuthorization()
            .Conflicts("business_registration_number_taken")
            .Refuses("invalid_business_registration_number", "unknown_municipality");

        organizations.MapGet("/mine", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyOrganizations(), ct))).RequireAuthorization();

        organizations.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(OrganizationResponse.From(await sender.Send(new GetOrganization(id), ct))));

        organizations.MapGet("/{id:guid}/resources", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListOrganizationResources(id), ct))).RequireAuthorization();

        // An invitation, answered the same whether the email has an account or not.
        organizations.MapPost("/{id:guid}/members", async (Guid id, AddMemberRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new InviteOrganizationMember(id, request.Email, request.Role), ct);
            return TypedResults.Accepted((string?)null, new InvitedResponse("invited"));
        }).RequireAuthorization()
            .Refuses("already_member", "invitation_not_pending", "organization_not_verified");

        organizations.MapGet("/{id:guid}/invitations", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListOrganizationInvitations(id), ct))).RequireAuthorization();

        organizations.MapDelete("/{id:guid}/invitations/{invitationId:guid}", async (Guid id, Guid invitationId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new CancelInvitation(id, invitationId), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .Refuses("invitation_expired", "invitation_not_pending");

        organizations.MapDelete("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RemoveOrganizationMember(id, userId), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .Refuses("last_owner", "not_a_member");

        var invitations = api.MapGroup("/invitations").WithTags("Organizations").RequireAuthorization();

        invitations.MapPost("/{id:guid}/accept", async (Guid id, ISender sender, CancellationToken ct) =>
        {
            var organizationId = await sender.Send(new AcceptInvitation(id), ct);
            return TypedResults.Ok(OrganizationResponse.From(await sender.Send(new GetOrganization(organizationId), ct)));
        })
            .Refuses("already_member", "invitation_expired", "invitation_not_pending");

        invitations.MapPost("/{id:guid}/decline", async (Guid id, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new DeclineInvitation(id), ct);
            return TypedResults.NoContent();
        })
            .Refuses("invitation_expired", "invitation_not_pending");
    }
}
