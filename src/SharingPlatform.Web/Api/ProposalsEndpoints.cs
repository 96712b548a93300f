using SharingPlatform.Domain.Proposals;

namespace SharingPlatform.Web.Api;

public static class ProposalsEndpoints
{
    public sealed record ProposalRequest(string Title, string? Description, string Category, string Municipality);

    public sealed record TakeUpRequest(Guid ResourceId);

    public sealed record SettleRequest(string? Reason);

    public static void MapProposalsEndpoints(this RouteGroupBuilder api)
    {
        var proposals = api.MapGroup("/proposals").WithTags("Proposals");

        proposals.MapGet("", async (string? sort, string? municipality, string? category, string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListProposals(
                QueryEnums.Parse<ProposalSort>(sort, nameof(sort)) ?? ProposalSort.Support, municipality,
                QueryEnums.Parse<ResourceCategory>(category, nameof(category)), QueryEnums.Parse<ProposalStatus>(status, nameof(status)),
                page ?? 1, pageSize ?? 20), ct)));
        proposals.MapPost("", async (ProposalRequest request, ISender sender, CancellationToken ct) =>
        {
            var proposal = await sender.Send(new ProposeResource(request.Title, request.Description,
                QueryEnums.Parse<ResourceCategory>(request.Category, "category") ?? (ResourceCategory)(-1), request.Municipality), ct);
            return TypedResults.Created($"/api/v1/proposals/{proposal.Id}", proposal);
        }).Idempotent().RequireAuthorization()
            .Refuses("title_required", "unknown_municipality");
        proposals.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetProposal(id), ct)));
        proposals.MapPost("/{id:guid}/support", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SupportProposal(id), ct))).RequireAuthorization()
            .Conflicts("proposal_not_open");
        proposals.MapDelete("/{id:guid}/support", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new WithdrawSupport(id), ct))).RequireAuthorization();
        proposals.MapPost("/{id:guid}/take-up", async (Guid id, TakeUpRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new TakeUpProposal(id, request.ResourceId), ct))).RequireAuthorization()
            .Conflicts("proposal_not_open")
            .Refuses("resource_not_yours");

        var admin = api.MapGroup("/admin/proposals").WithTags("Proposals").RequireAuthorization();
        admin.MapPost("/{id:guid}/accept", async (Guid id, SettleRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SettleProposal(id, true, request?.Reason), ct)))
            .Conflicts("proposal_not_open");
        admin.MapPost("/{id:guid}/decline", async (Guid id, SettleRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SettleProposal(id, false, request.Reason), ct)))
            .Conflicts("proposal_not_open")
            .Refuses("reason_required");
    }
}
