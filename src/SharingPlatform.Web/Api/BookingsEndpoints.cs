using Mediator;
using SharingPlatform.Application.Bookings;
using SharingPlatform.Domain.Bookings;

namespace SharingPlatform.Web.Api;

public static class BookingsEndpoints
{
    public sealed record ReasonRequest(string? Reason);

    public static void MapBookingsEndpoints(this RouteGroupBuilder api)
    {
        var bookings = api.MapGroup("/bookings").WithTags("Bookings").RequireAuthorization();

        bookings.MapPost("", async (CreateBooking command, ISender sender, CancellationToken ct) =>
        {
            var booking = await sender.Send(command, ct);
            return TypedResults.Created($"/api/v1/bookings/{booking.Id}", booking);
        });
        bookings.MapGet("/mine", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyBookings(page ?? 1, pageSize ?? 20), ct)));
        bookings.MapGet("/incoming", async (string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListIncomingBookings(QueryEnums.Parse<BookingStatus>(status, nameof(status)), page ?? 1, pageSize ?? 20), ct)));
        bookings.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetBooking(id), ct)));
        bookings.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelBooking(id, request?.Reason), ct)));
        bookings.MapPost("/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ApproveBooking(id), ct)));
        bookings.MapPost("/{id:guid}/reject", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RejectBooking(id, request?.Reason), ct)));
    }
}
