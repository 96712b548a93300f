using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Web.Api;

public static class CirclesEndpoints
{
    public sealed record ScheduleMeetingRequest(string Title, string? Agenda, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, string? Place, Guid? BookingId);

    public sealed record MoveMeetingRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, Guid? BookingId);

    public sealed record CapacityRequest(int Capacity);

    public sealed record ReasonRequest(string? Reason);

    public sealed record AttendanceRequest(IReadOnlyList<Guid>? AttendedUserIds);

    public static void MapCirclesEndpoints(this RouteGroupBuilder api)
    {
        var circles = api.MapGroup("/circles").WithTags("Circles");

        circles.MapGet("", async (string? q, string? topic, string? municipality, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SearchCircles(q, topic, municipality, page ?? 1, pageSize ?? 20), ct)));
        circles.MapPost("", async (CircleInput input, ISender sender, CancellationToken ct) =>
        {
            var circle = await sender.Send(new CreateCircle(input), ct);
            return TypedResults.Created($"/api/v1/circles/{circle.Id}", circle);
        }).Idempotent().RequireAuthorization()
            .Refuses("member_cap_out_of_range", "title_required", "unknown_municipality");
        circles.MapGet("/mine", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyCircles(page ?? 1, pageSize ?? 20), ct))).RequireAuthorization();
        circles.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCircle(id), ct)));
        circles.MapPut("/{id:guid}", async (Guid id, CircleInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateCircle(id, input), ct))).RequireAuthorization()
            .Conflicts("circle_suspended")
            .Refuses("member_cap_below_members", "member_cap_out_of_range", "title_required", "unknown_municipality");
        circles.MapPost("/{id:guid}/join", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new JoinCircle(id), ct))).RequireAuthorization()
            .Conflicts("already_circle_member", "already_requested", "circle_full")
            .Refuses("circle_suspended", "removed_from_circle");
        circles.MapPost("/{id:guid}/leave", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new LeaveCircle(id), ct))).RequireAuthorization()
            .Conflicts("member_not_active")
            .Refuses("host_cannot_leave");

        circles.MapGet("/{id:guid}/members", async (Guid id, string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListCircleMembers(id, QueryEnums.Parse<MemberStatus>(status, nameof(status)), page ?? 1, pageSize ?? 50), ct)))
            .RequireAuthorization();
        circles.MapPost("/{id:guid}/members/{userId:guid}/approve", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ApproveJoinRequest(id, userId), ct))).RequireAuthorization()
            .Conflicts("circle_full", "circle_suspended", "member_not_pending");
        circles.MapPost("/{id:guid}/members/{userId:guid}/decline", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new DeclineJoinRequest(id, userId), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "member_not_pending");
        circles.MapPost("/{id:guid}/members/{userId:guid}/remove", async (Guid id, Guid userId, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RemoveCircleMember(id, userId, request?.Reason), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "member_not_active")
            .Refuses("host_cannot_be_removed");
        circles.MapPost("/{id:guid}/members/{userId:guid}/allow-back", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AllowMemberBack(id, userId), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "member_not_removed");
        circles.MapPost("/{id:guid}/members/{userId:guid}/co-host", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new NameCoHost(id, userId), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "not_an_ordinary_member");
        circles.MapDelete("/{id:guid}/members/{userId:guid}/co-host", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UnnameCoHost(id, userId), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "not_a_co_host");

        circles.MapGet("/{id:guid}/meetings", async (Guid id, string? when, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListCircleMeetings(id, QueryEnums.Parse<MeetingTimeframe>(when, nameof(when)) ?? MeetingTimeframe.Upcoming, page ?? 1, pageSize ?? 20), ct)));
        circles.MapPost("/{id:guid}/meetings", async (Guid id, ScheduleMeetingRequest r, ISender sender, CancellationToken ct) =>
        {
            var meeting = await sender.Send(new ScheduleMeeting(id, r.Title, r.Agenda, r.StartsAt, r.EndsAt, r.Capacity, r.Place, r.BookingId), ct);
            return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", meeting);
        }).Idempotent().RequireAuthorization()
            .Conflicts("circle_suspended")
            .Refuses("beyond_horizon", "booking_not_yours", "capacity_exceeds_room", "capacity_out_of_range", "meeting_in_past",
                "meeting_outside_booking", "meeting_too_long", "period_not_positive", "place_required");

        var meetings = api.MapGroup("/meetings").WithTags("Circles");
        meetings.MapGet("", async (bool? mine, string? municipality, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMeetings(mine ?? false, municipality, page ?? 1, pageSize ?? 20), ct)));
        meetings.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMeeting(id), ct)));
        meetings.MapPost("/{id:guid}/rsvp", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AnswerMeeting(id), ct))).Idempotent().RequireAuthorization()
            .Conflicts("meeting_cancelled")
            .Refuses("circle_suspended", "not_a_circle_member", "rsvp_closed");
        meetings.MapDelete("/{id:guid}/rsvp", async (Guid id, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new CancelRsvp(id), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .Conflicts("meeting_cancelled", "meeting_started", "rsvp_not_active");
        meetings.MapPost("/{id:guid}/move", async (Guid id, MoveMeetingRequest r, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MoveMeeting(id, r.StartsAt, r.EndsAt, r.Place, r.BookingId), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "meeting_cancelled", "meeting_started")
            .Refuses("booking_not_yours", "capacity_exceeds_room", "meeting_in_past", "meeting_outside_booking", "meeting_too_long",
                "period_not_positive");
        meetings.MapPut("/{id:guid}/capacity", async (Guid id, CapacityRequest r, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ChangeMeetingCapacity(id, r.Capacity), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "meeting_cancelled", "meeting_started")
            .Refuses("capacity_below_going", "capacity_exceeds_room", "capacity_out_of_range");
        meetings.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest? r, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelMeeting(id, r?.Reason), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "meeting_cancelled", "meeting_started");
        meetings.MapPut("/{id:guid}/attendance", async (Guid id, AttendanceRequest r, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RecordAttendance(id, r.AttendedUserIds ?? []), ct))).RequireAuthorization()
            .Conflicts("circle_suspended", "meeting_cancelled")
            .Refuses("attendee_not_going", "meeting_not_ended");

        api.MapGet("/me/attendance", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyAttendance(page ?? 1, pageSize ?? 20), ct))).WithTags("Circles").RequireAuthorization();
    }
}
