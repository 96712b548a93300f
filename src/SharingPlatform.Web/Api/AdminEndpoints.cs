using SharingPlatform.Application.ChangeRequests;

namespace SharingPlatform.Web.Api;

public static class AdminEndpoints
{
    public sealed record DecisionRequest(string? Reason);

    public static void MapAdminEndpoints(this RouteGroupBuilder api)
    {
        // The group refuses non-administrators (403) before a body is read; the handlers check the role again.
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);

        admin.MapGet("/queue", async (string? kind, string? municipality, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetReviewQueue(QueryEnums.Parse<ReviewQueueKind>(kind, nameof(kind)), municipality), ct)));
        admin.MapGet("/audit", async (
            string? subjectType, Guid? subjectId, string? action, Guid? actorId, DateOnly? from, DateOnly? to, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListAuditEntries(subjectType, subjectId, action, page ?? 1, pageSize ?? 50, actorId, from, to), ct)));

        admin.MapGet("/users/paused", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListPausedBookers(page ?? 1, pageSize ?? 50), ct)));

        Decide(admin, "/organizations/{id:guid}/verify", (id, reason) => new VerifyOrganization(id, reason))
            .Refuses("organization_not_pending");
        Decide(admin, "/organizations/{id:guid}/reject", (id, reason) => new RejectOrganization(id, reason))
            .Refuses("organization_not_pending");
        Decide(admin, "/organizations/{id:guid}/suspend", (id, reason) => new SuspendOrganization(id, reason))
            .Refuses("organization_not_verified");
        Decide(admin, "/organizations/{id:guid}/restore", (id, reason) => new RestoreOrganization(id, reason))
            .Refuses("organization_not_suspended");
        Decide(admin, "/resources/{id:guid}/approve", (id, reason) => new ApproveResource(id, reason))
            .Refuses("resource_not_pending_review");
        Decide(admin, "/resources/{id:guid}/reject", (id, reason) => new RejectResource(id, reason))
            .Refuses("resource_not_pending_review");
        Decide(admin, "/resources/{id:guid}/suspend", (id, reason) => new SuspendResource(id, reason))
            .Refuses("resource_not_published");
        Decide(admin, "/resources/{id:guid}/restore", (id, reason) => new RestoreResource(id, reason))
            .Refuses("resource_not_suspended");
        Decide(admin, "/users/{id:guid}/lift-pause", (id, reason) => new LiftBookingPause(id, reason))
            .Conflicts("booking_not_paused");
        Decide(admin, "/labs/{id:guid}/approve", (id, reason) => new ApproveLab(id, reason))
            .Refuses("lab_not_pending_review");
        Decide(admin, "/labs/{id:guid}/reject", (id, reason) => new RejectLab(id, reason))
            .Refuses("lab_not_pending_review");
        Decide(admin, "/labs/{id:guid}/suspend", (id, reason) => new SuspendLab(id, reason))
            .Refuses("lab_not_published");
        Decide(admin, "/labs/{id:guid}/restore", (id, reason) => new RestoreLab(id, reason))
            .Refuses("lab_not_suspended");
        Decide(admin, "/circles/{id:guid}/suspend", (id, reason) => new SuspendCircle(id, reason))
            .Conflicts("circle_not_active");
        Decide(admin, "/circles/{id:guid}/restore", (id, reason) => new RestoreCircle(id, reason))
            .Conflicts("circle_not_suspended");
        Decide(admin, "/proposals/{id:guid}/suspend", (id, reason) => new SuspendProposal(id, reason))
            .Conflicts("proposal_suspended");
        Decide(admin, "/proposals/{id:guid}/restore", (id, reason) => new RestoreProposal(id, reason))
            .Conflicts("proposal_not_suspended");
        Decide(admin, "/reviews/{id:guid}/suspend", (id, reason) => new SuspendReview(id, reason))
            .Conflicts("review_suspended");
        Decide(admin, "/reviews/{id:guid}/restore", (id, reason) => new RestoreReview(id, reason))
            .Conflicts("review_not_suspended");
        Decide(admin, "/stories/{id:guid}/approve", (id, reason) => new ApproveStory(id, reason))
            .Refuses("story_not_pending_review");
        Decide(admin, "/stories/{id:guid}/reject", (id, reason) => new RejectStory(id, reason))
            .Refuses("story_not_pending_review");
        Decide(admin, "/stories/{id:guid}/suspend", (id, reason) => new SuspendStory(id, reason))
            .Refuses("story_not_published");
        Decide(admin, "/stories/{id:guid}/restore", (id, reason) => new RestoreStory(id, reason))
            .Refuses("story_not_suspended");
        admin.MapGet("/change-requests/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetChangeRequest(id), ct)));
        Decide(admin, "/change-requests/{id:guid}/approve", (id, reason) => new ApproveChangeRequest(id, reason))
            .Refuses("change_request_not_pending");
        Decide(admin, "/change-requests/{id:guid}/reject", (id, reason) => new RejectChangeRequest(id, reason))
            .Refuses("change_request_not_pending");

        admin.MapGet("/reports", async (string? subjectType, string? reason, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListReportedSubjects(
                QueryEnums.Parse<ReportSubjectType>(subjectType, nameof(subjectType)), QueryEnums.Parse<ReportReason>(reason, nameof(reason)),
                page ?? 1, pageSize ?? 50), ct)));
        admin.MapGet("/reports/subjects/{subjectType}/{subjectId:guid}", async (string subjectType, Guid subjectId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetReportedSubject(QueryEnums.Parse<ReportSubjectType>(subjectType, nameof(subjectType))!.Value, subjectId), ct)));
        admin.MapPost("/reports/{id:guid}/resolve", async (Guid id, NoteRequest? request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new ResolveReport(id, request?.Note), ct);
            return TypedResults.NoContent();
        })
            .Conflicts("report_already_decided");
        admin.MapPost("/reports/{id:guid}/dismiss", async (Guid id, NoteRequest? request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new DismissReport(id, request?.Note), ct);
            return TypedResults.NoContent();
        })
            .Conflicts("report_already_decided");
        Decide(admin, "/users/{id:guid}/suspend", (id, reason) => new SuspendUser(id, reason))
            .Conflicts("user_already_suspended")
            .Refuses("cannot_suspend_yourself");
        Decide(admin, "/users/{id:guid}/restore", (id, reason) => new RestoreUser(id, reason))
            .Conflicts("user_not_suspended");
        admin.MapGet("/users", async (string? q, string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListUsers(q, QueryEnums.Parse<UserStatusFilter>(status, "status") ?? UserStatusFilter.All, page ?? 1, pageSize ?? 50), ct)));
        admin.MapGet("/users/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetUserStanding(id), ct)));
        admin.MapGet("/statistics", async (string? from, string? to, string? municipality, HttpRequest request, ISender sender, CancellationToken ct) =>
        {
            var statistics = await sender.Send(new GetProgrammeStatistics(from, to, municipality), ct);
            return Csv.IsWanted(request) ? StatisticsCsv.File(statistics) : TypedResults.Ok(statistics);
        });
    }

    public sealed record NoteRequest(string? Note);

    private static RouteHandlerBuilder Decide<TCommand>(RouteGroupBuilder admin, string pattern, Func<Guid, string?, TCommand> command)
        where TCommand : ICommand =>
        admin.MapPost(pattern, async (Guid id, DecisionRequest? request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(command(id, request?.Reason), ct);
            return TypedResults.NoContent();
        });
}
