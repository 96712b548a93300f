namespace SharingPlatform.Web.Api;

public static class BookingsEndpoints
{
    public sealed record ReasonRequest(string? Reason);

    public sealed record MoveRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public sealed record SeriesRequest(
        Guid ResourceId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Occurrences, int Attendees, string? Purpose, string? Mode);

    /// <summary>One booking as in lists, with its history.</summary>
    public sealed record BookingWithHistory(
        Guid Id, Guid ResourceId, string ResourceTitle, Guid OrganizationId, Guid BookerId, string BookerName,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Attendees, string Purpose, BookingStatus Status, string? StatusReason,
        Guid? SeriesId, bool RequiresCheckIn, DateTimeOffset? CheckedInAt, DateTimeOffset CreatedAt, IReadOnlyList<BookingChangeView> History)
    {
        public static BookingWithHistory From(BookingDetails details)
        {
            var b = details.Booking;
            return new(b.Id, b.ResourceId, b.ResourceTitle, b.OrganizationId, b.BookerId, b.BookerName, b.StartsAt, b.EndsAt, b.Attendees,
                b.Purpose, b.Status, b.StatusReason, b.SeriesId, b.RequiresCheckIn, b.CheckedInAt, b.CreatedAt, details.History);
        }
    }

    /// <summary>The rules of a resource's policy and of the person's standing that a new or moved booking can break.</summary>
    private static readonly string[] BookingRules =
    [
        "beyond_horizon", "booking_paused", "closed_date", "off_slot", "outside_opening_hours", "over_capacity",
        "over_personal_cap", "period_not_positive", "resource_not_published", "too_little_notice", "too_long", "too_short",
    ];

    public static void MapBookingsEndpoints(this RouteGroupBuilder api)
    {
        var bookings = api.MapGroup("/bookings").WithTags("Bookings").RequireAuthorization();

        bookings.MapPost("", async (CreateBooking command, ISender sender, CancellationToken ct) =>
        {
            var booking = await sender.Send(command, ct);
            return TypedResults.Created($"/api/v1/bookings/{booking.Id}", booking);
        }).Idempotent()
            .Conflicts("period_taken")
            .Refuses(BookingRules);
        bookings.MapPost("/series", async (SeriesRequest request, ISender sender, IStringLocalizer<SiteText> texts, CancellationToken ct) =>
        {
            var mode = QueryEnums.Parse<SeriesMode>(request.Mode, "mode") ?? SeriesMode.AllOrNothing;
            var series = await sender.Send(new CreateBookingSeries(
                request.ResourceId, request.StartsAt, request.EndsAt, request.Occurrences, request.Attendees, request.Purpose, mode), ct);
            // The contract gives a rule's durations in minutes, as the policy fields are.
            var skipped = series.Skipped.Select(s => s with
            {
                Message = texts.Describe(s.Code, s.Arguments, s.Message),
                Arguments = [.. s.Arguments.Select(a => a is TimeSpan duration ? (object)(int)duration.TotalMinutes : a)],
            });
            return TypedResults.Created($"/api/v1/bookings/{series.Bookings[0].Id}", series with { Skipped = skipped.ToList() });
        }).Idempotent()
            .Conflicts("period_taken", "series_nothing_booked")
            .Refuses(BookingRules);
        bookings.MapGet("/mine", async (string? when, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyBookings(QueryEnums.Parse<BookingTimeframe>(when, nameof(when)) ?? BookingTimeframe.All, page ?? 1, pageSize ?? 20), ct)));
        bookings.MapGet("/incoming", async (string? status, Guid? resourceId, DateOnly? date, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListIncomingBookings(QueryEnums.Parse<BookingStatus>(status, nameof(status)), resourceId, date, page ?? 1, pageSize ?? 20), ct)));
        bookings.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
        {
            var details = await sender.Send(new GetBooking(id), ct);
            return TypedResults.Ok(BookingWithHistory.From(details));
        });
        bookings.MapPost("/{id:guid}/move", async (Guid id, MoveRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MoveBooking(id, request.StartsAt, request.EndsAt), ct)))
            .Conflicts("booking_already_started", "booking_not_movable", "period_taken")
            .Refuses(BookingRules);
        bookings.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelBooking(id, request?.Reason), ct)))
            .Conflicts("booking_already_started", "booking_not_cancellable");
        bookings.MapPost("/{id:guid}/cancel-rest-of-series", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelRestOfSeries(id, request?.Reason), ct)))
            .Conflicts("booking_already_started", "booking_not_cancellable", "booking_not_in_series", "series_nothing_to_cancel");
        bookings.MapPost("/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ApproveBooking(id), ct)))
            .Conflicts("booking_not_pending");
        bookings.MapPost("/{id:guid}/approve-rest-of-series", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ApproveRestOfSeries(id), ct)))
            .Conflicts("booking_not_in_series", "booking_not_pending");
        bookings.MapPost("/{id:guid}/reject", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RejectBooking(id, request?.Reason), ct)))
            .Conflicts("booking_not_pending");
        bookings.MapPost("/{id:guid}/check-in", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CheckInBooking(id), ct)))
            .Conflicts("booking_not_confirmed", "check_in_closed");
    }
}
