using Mediator;
using SharingPlatform.Application.Bookings;

namespace SharingPlatform.Web.Api;

public static class BookingsEndpoints
{
    public sealed record CancelRequest(string? Reason);

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
        bookings.MapPost("/{id:guid}/cancel", async (Guid id, CancelRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelBooking(id, request?.Reason), ct)));
    }
}
