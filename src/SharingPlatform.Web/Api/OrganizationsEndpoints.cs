using Mediator;
using SharingPlatform.Application.Organizations;
using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Web.Api;

public static class OrganizationsEndpoints
{
    public sealed record AddMemberRequest(string Email, MemberRole Role);

    public static void MapOrganizationsEndpoints(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");

        organizations.MapPost("", async (RegisterOrganization command, ISender sender, CancellationToken ct) =>
        {
            var organization = await sender.Send(command, ct);
            return TypedResults.Created($"/api/v1/organizations/{organization.Id}", organization);
        }).RequireAuthorization();

        organizations.MapGet("/mine", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyOrganizations(), ct))).RequireAuthorization();

        organizations.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetOrganization(id), ct)));

        organizations.MapGet("/{id:guid}/resources", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListOrganizationResources(id), ct))).RequireAuthorization();

        organizations.MapPost("/{id:guid}/members", async (Guid id, AddMemberRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new AddOrganizationMember(id, request.Email, request.Role), ct);
            return TypedResults.Ok(await sender.Send(new GetOrganization(id), ct));
        }).RequireAuthorization();

        organizations.MapDelete("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RemoveOrganizationMember(id, userId), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
    }
}
