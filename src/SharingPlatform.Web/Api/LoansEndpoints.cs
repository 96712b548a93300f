using Mediator;
using SharingPlatform.Application.Loans;

namespace SharingPlatform.Web.Api;

public static class LoansEndpoints
{
    public sealed record ReasonRequest(string? Reason);

    public static void MapLoansEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/resources/{id:guid}/loan-availability", async (Guid id, DateOnly from, DateOnly to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLoanAvailability(id, from, to), ct))).WithTags("Loans");

        var loans = api.MapGroup("/loans").WithTags("Loans").RequireAuthorization();
        loans.MapPost("", async (RequestLoan command, ISender sender, CancellationToken ct) =>
        {
            var loan = await sender.Send(command, ct);
            return TypedResults.Created($"/api/v1/loans/{loan.Id}", loan);
        });
        loans.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLoan(id), ct)));
        loans.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelLoan(id, request?.Reason), ct)));
    }
}
