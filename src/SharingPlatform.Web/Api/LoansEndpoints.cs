namespace SharingPlatform.Web.Api;

public static class LoansEndpoints
{
    public sealed record ReasonRequest(string? Reason);

    public sealed record HandOverRequest(IReadOnlyList<string>? UnitLabels, string? ConditionNote, bool DepositReceived);

    public sealed record ReturnRequest(int Units, string? ConditionNote, bool Damaged, bool DepositReturned, string? Reason);

    public sealed record OutageRequest(int Units, string? UnitLabel, DateOnly FirstDay, DateOnly LastDay, string? Reason);

    public static void MapLoansEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/resources/{id:guid}/loan-availability", async (Guid id, DateOnly from, DateOnly to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLoanAvailability(id, from, to), ct))).WithTags("Loans")
            .LimitsRange("from", "to", GetLoanAvailabilityValidator.MaxDays)
            .Refuses("resource_not_lent");

        var outages = api.MapGroup("/resources/{id:guid}/unit-outages").WithTags("Loans").RequireAuthorization();
        outages.MapGet("", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListUnitOutages(id), ct)))
            .Refuses("resource_not_lent");
        outages.MapPost("", async (Guid id, OutageRequest request, ISender sender, CancellationToken ct) =>
        {
            var taken = await sender.Send(new TakeUnitsOutOfService(id, request.Units, request.UnitLabel, request.FirstDay, request.LastDay, request.Reason), ct);
            return TypedResults.Created($"/api/v1/resources/{id}/unit-outages/{taken.Outage.Id}", taken);
        })
            .Refuses("outage_days_invalid", "outage_units_invalid", "resource_not_lent", "unit_label_unknown");
        outages.MapPost("/{outageId:guid}/end", async (Guid id, Guid outageId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new PutUnitsBackInService(id, outageId), ct)))
            .Conflicts("outage_over");

        var loans = api.MapGroup("/loans").WithTags("Loans").RequireAuthorization();
        loans.MapPost("", async (RequestLoan command, ISender sender, CancellationToken ct) =>
        {
            var loan = await sender.Send(command, ct);
            return TypedResults.Created($"/api/v1/loans/{loan.Id}", loan);
        }).Idempotent()
            .Conflicts("units_unavailable")
            .Refuses("beyond_horizon", "booking_paused", "closed_on_pickup", "closed_on_return", "over_personal_cap",
                "resource_not_lent", "resource_not_published", "return_before_pickup", "too_little_notice", "too_long",
                "too_many_units");
        loans.MapGet("/mine", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyLoans(page ?? 1, pageSize ?? 20), ct)));
        loans.MapGet("/incoming", async (string? status, Guid? resourceId, DateOnly? day, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListIncomingLoans(QueryEnums.Parse<LoanStatus>(status, nameof(status)), resourceId, day, page ?? 1, pageSize ?? 20), ct)));
        loans.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLoan(id), ct)));
        loans.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelLoan(id, request?.Reason), ct)))
            .Conflicts("loan_not_cancellable")
            .Refuses("reason_required");
        loans.MapPost("/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ApproveLoan(id), ct)))
            .Conflicts("loan_not_requested");
        loans.MapPost("/{id:guid}/reject", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RejectLoan(id, request?.Reason), ct)))
            .Conflicts("loan_not_requested")
            .Refuses("reason_required");
        loans.MapPost("/{id:guid}/hand-over", async (Guid id, HandOverRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new HandOverLoan(id, request.UnitLabels, request.ConditionNote, request.DepositReceived), ct)))
            .Conflicts("loan_not_confirmed")
            .Refuses("before_pickup_day", "unit_labels_mismatch");
        loans.MapPost("/{id:guid}/return", async (Guid id, ReturnRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new TakeBackLoan(id, request.Units, request.ConditionNote, request.Damaged, request.DepositReturned, request.Reason), ct)))
            .Conflicts("loan_not_out")
            .Refuses("reason_required", "return_units_invalid");
        loans.MapPost("/{id:guid}/lost", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MarkLoanLost(id, request?.Reason), ct)))
            .Conflicts("loan_not_overdue")
            .Refuses("reason_required", "too_early_to_mark_lost");
    }
}
