namespace SharingPlatform.Web.Api;

public static class ResourcesEndpoints
{
    public sealed record CreateResourceRequest(Guid OrganizationId, ResourceCategory Category, string Title, string Description,
        string Municipality, string Address, int? Capacity, int? FeePerHour, string? FeeNote, PolicyInput Policy, LendingInput? Lending = null)
    {
        public ResourceInput Input => new(Category, Title, Description, Municipality, Address, Capacity, FeePerHour, FeeNote, Policy, Lending);
    }

    public sealed record UpdateResourceRequest(uint Version, ResourceCategory Category, string Title, string Description,
        string Municipality, string Address, int? Capacity, int? FeePerHour, string? FeeNote, PolicyInput Policy, LendingInput? Lending = null)
    {
        public ResourceInput Input => new(Category, Title, Description, Municipality, Address, Capacity, FeePerHour, FeeNote, Policy, Lending);
    }

    public static void MapResourcesEndpoints(this RouteGroupBuilder api)
    {
        var resources = api.MapGroup("/resources").WithTags("Resources");

        // Enums arrive as the body's camelCase names (category=space, sort=newest), which the default binding refuses.
        resources.MapGet("", async (
                string? q, string? category, string? municipality, int? minCapacity, bool? freeOnly,
                DateTimeOffset? availableFrom, DateTimeOffset? availableTo, string? sort, int? page, int? pageSize,
                int? units, DateOnly? availableFromDay, DateOnly? availableToDay,
                ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SearchResources(
                q, QueryEnums.Parse<ResourceCategory>(category, nameof(category)), municipality, minCapacity, freeOnly, availableFrom, availableTo,
                QueryEnums.Parse<ResourceSort>(sort, nameof(sort)) ?? ResourceSort.Relevance, page ?? 1, pageSize ?? 20,
                units, availableFromDay, availableToDay), ct)))
            .LimitsRange("availableFrom", "availableTo", SearchResourcesValidator.MaxPeriodDays)
            .LimitsRange("availableFromDay", "availableToDay", SearchResourcesValidator.MaxLoanSearchDays);

        resources.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetResource(id), ct)));

        resources.MapGet("/{id:guid}/availability", async (Guid id, DateTimeOffset from, DateTimeOffset to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetResourceAvailability(id, from, to), ct)))
            .LimitsRange("from", "to", GetResourceAvailabilityValidator.MaxDays)
            .Refuses("period_not_positive");

        resources.MapPost("", async (CreateResourceRequest request, ISender sender, CancellationToken ct) =>
        {
            var resource = await sender.Send(new CreateResource(request.OrganizationId, request.Input), ct);
            return TypedResults.Created($"/api/v1/resources/{resource.Id}", resource);
        }).Idempotent().RequireAuthorization()
            .Refuses("buffer_invalid", "deposit_invalid", "horizon_invalid", "lending_horizon_invalid", "max_below_min",
                "max_duration_invalid", "max_loan_days_invalid", "max_units_per_person_invalid", "min_duration_invalid",
                "min_notice_days_invalid", "min_notice_invalid", "opening_hours_invalid", "opening_hours_off_slot",
                "opening_hours_overlap", "organization_not_verified", "per_person_cap_invalid", "slot_size_invalid",
                "unit_labels_invalid", "units_invalid", "unknown_municipality");

        resources.MapPut("/{id:guid}", async (Guid id, UpdateResourceRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateResource(id, request.Version, request.Input), ct))).RequireAuthorization()
            .Conflicts()
            .Refuses("buffer_invalid", "deposit_invalid", "horizon_invalid", "lending_horizon_invalid", "max_below_min",
                "max_duration_invalid", "max_loan_days_invalid", "max_units_per_person_invalid", "min_duration_invalid",
                "min_notice_days_invalid", "min_notice_invalid", "opening_hours_invalid", "opening_hours_off_slot",
                "opening_hours_overlap", "per_person_cap_invalid", "resource_not_editable", "slot_size_invalid",
                "unit_labels_invalid", "units_invalid", "unknown_municipality");

        resources.MapPost("/{id:guid}/submit", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SubmitResource(id), ct))).RequireAuthorization()
            .Refuses("organization_not_verified", "resource_not_draft");

        resources.MapPost("/{id:guid}/archive", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ArchiveResource(id), ct))).RequireAuthorization()
            .Refuses("resource_not_archivable");
    }
}
