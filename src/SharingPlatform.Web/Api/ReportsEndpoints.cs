namespace SharingPlatform.Web.Api;

public static class ReportsEndpoints
{
    /// <summary>The enums arrive as strings, so a wrong one is a 400 validation problem naming the field.</summary>
    public sealed record ReportRequest(string? SubjectType, Guid SubjectId, string? Reason, string? Details);

    public static void MapReportsEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization();

        reports.MapPost("", async (ReportRequest request, ISender sender, CancellationToken ct) =>
        {
            var id = await sender.Send(new FileReport(
                QueryEnums.Parse<ReportSubjectType>(request.SubjectType, "subjectType") ?? (ReportSubjectType)(-1),
                request.SubjectId,
                QueryEnums.Parse<ReportReason>(request.Reason, "reason") ?? (ReportReason)(-1),
                request.Details), ct);
            return TypedResults.Created($"/api/v1/reports/{id}", new { id });
        }).Idempotent().RequireRateLimiting(RateLimiting.Reports)
            .Conflicts("already_reported")
            .Refuses("cannot_report_yourself", "report_details_required", "report_details_too_long");
    }
}
