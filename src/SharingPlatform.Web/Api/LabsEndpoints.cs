using SharingPlatform.Domain.Labs;

namespace SharingPlatform.Web.Api;

public static class LabsEndpoints
{
    public sealed record CreateLabRequest(Guid OrganizationId, string Name, string? Description, string Municipality, string Address,
        string? SafetyRules, int SeatsPerSlot, IReadOnlyList<WeeklySlotInput> Timetable, IReadOnlyList<DateOnly>? ClosedDates)
    {
        public LabInput Input => new(Name, Description, Municipality, Address, SafetyRules, SeatsPerSlot, Timetable, ClosedDates);
    }

    public sealed record UpdateLabRequest(uint Version, string Name, string? Description, string Municipality, string Address,
        string? SafetyRules, int SeatsPerSlot, IReadOnlyList<WeeklySlotInput> Timetable, IReadOnlyList<DateOnly>? ClosedDates)
    {
        public LabInput Input => new(Name, Description, Municipality, Address, SafetyRules, SeatsPerSlot, Timetable, ClosedDates);
    }

    public sealed record ManagersRequest(IReadOnlyList<string> Emails);

    public sealed record OutOfServiceRequest(DateTimeOffset From, DateTimeOffset Until, string? Reason);

    public sealed record GrantRequest(string UserEmail, Guid EquipmentId, DateOnly ValidUntil);

    public sealed record GrantResponse(string Status);

    public sealed record ReasonRequest(string? Reason);

    public sealed record UsageRequest(IReadOnlyList<EquipmentUsage>? Usage);

    public static void MapLabsEndpoints(this RouteGroupBuilder api)
    {
        var labs = api.MapGroup("/labs").WithTags("Labs");

        labs.MapGet("", async (string? q, string? municipality, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SearchLabs(q, municipality, page ?? 1, pageSize ?? 20), ct)));
        labs.MapGet("/mine", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyLabs(page ?? 1, pageSize ?? 20), ct))).RequireAuthorization();
        labs.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLab(id), ct)));
        labs.MapGet("/{id:guid}/slots", async (Guid id, DateTimeOffset from, DateTimeOffset to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLabSlots(id, from, to), ct)))
            .LimitsRange("from", "to", GetLabSlotsValidator.MaxDays)
            .Refuses("period_not_positive");

        labs.MapPost("", async (CreateLabRequest request, ISender sender, CancellationToken ct) =>
        {
            var lab = await sender.Send(new CreateLab(request.OrganizationId, request.Input), ct);
            return TypedResults.Created($"/api/v1/labs/{lab.Id}", lab);
        }).Idempotent().RequireAuthorization()
            .Refuses("lab_name_required", "organization_not_verified", "seats_invalid", "timetable_slot_invalid",
                "timetable_slots_overlap", "timetable_too_long", "unknown_municipality");
        labs.MapPut("/{id:guid}", async (Guid id, UpdateLabRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateLab(id, request.Version, request.Input), ct))).RequireAuthorization()
            .Conflicts()
            .Refuses("lab_name_required", "lab_not_editable", "seats_invalid", "timetable_slot_invalid", "timetable_slots_overlap",
                "timetable_too_long", "unknown_municipality");
        // The fairness limits of booking (horizon, notice, active sessions per person): operational, in any status.
        labs.MapPut("/{id:guid}/booking-limits", async (Guid id, LabBookingLimits request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetLabBookingLimits(id, request), ct))).RequireAuthorization()
            .Refuses("horizon_invalid", "min_notice_invalid", "per_person_cap_invalid");
        labs.MapPost("/{id:guid}/submit", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SubmitLab(id), ct))).RequireAuthorization()
            .Refuses("lab_not_draft", "organization_not_verified");
        labs.MapPut("/{id:guid}/managers", async (Guid id, ManagersRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new NameLabManagers(id, request.Emails ?? []), ct))).RequireAuthorization()
            .Refuses("lab_managers_required", "manager_not_member");

        // Multipart with one "file" part. Bearer-authenticated, so no antiforgery token is involved.
        labs.MapPost("/{id:guid}/photos", async (Guid id, IFormFile file, ISender sender, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            return TypedResults.Created($"/api/v1/labs/{id}", await sender.Send(new AddLabPhoto(id, content, file.Length), ct));
        }).RequireAuthorization().DisableAntiforgery()
            .Refuses("too_many_photos");
        labs.MapDelete("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RemoveLabPhoto(id, photoId), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .Refuses("no_such_photo");

        labs.MapPost("/{id:guid}/equipment", async (Guid id, EquipmentInput request, ISender sender, CancellationToken ct) =>
        {
            var equipment = await sender.Send(new AddEquipment(id, request), ct);
            return TypedResults.Created($"/api/v1/labs/{id}", equipment);
        }).RequireAuthorization()
            .Refuses("equipment_name_required");
        labs.MapPut("/{id:guid}/equipment/{equipmentId:guid}", async (Guid id, Guid equipmentId, EquipmentInput request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateEquipment(id, equipmentId, request), ct))).RequireAuthorization()
            .Refuses("equipment_name_required");
        // Multipart with one "file" part. Bearer-authenticated, so no antiforgery token is involved.
        labs.MapPost("/{id:guid}/equipment/{equipmentId:guid}/photo", async (Guid id, Guid equipmentId, IFormFile file, ISender sender, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            return TypedResults.Ok(await sender.Send(new SetEquipmentPhoto(id, equipmentId, content, file.Length), ct));
        }).RequireAuthorization().DisableAntiforgery();
        labs.MapPost("/{id:guid}/equipment/{equipmentId:guid}/out-of-service", async (Guid id, Guid equipmentId, OutOfServiceRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new PutEquipmentOutOfService(id, equipmentId, request.From, request.Until, request.Reason), ct))).RequireAuthorization()
            .Refuses("period_not_positive");
        labs.MapPost("/{id:guid}/equipment/{equipmentId:guid}/return-to-service", async (Guid id, Guid equipmentId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReturnEquipmentToService(id, equipmentId), ct))).RequireAuthorization();

        labs.MapGet("/{id:guid}/qualifications", async (Guid id, Guid? equipmentId, bool? expiringSoon, bool? includeRevoked, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListLabQualifications(id, equipmentId, expiringSoon ?? false, includeRevoked ?? false, page ?? 1, pageSize ?? 50), ct)))
            .RequireAuthorization();
        labs.MapPost("/{id:guid}/qualifications", async (Guid id, GrantRequest request, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new GrantQualification(id, request.UserEmail, request.EquipmentId, request.ValidUntil), ct);
            return TypedResults.Accepted($"/api/v1/labs/{id}/qualifications", new GrantResponse("accepted"));
        }).RequireAuthorization()
            .Conflicts("qualification_exists", "qualification_revoked")
            .Refuses("valid_until_past");
        labs.MapPost("/{id:guid}/qualifications/{qualificationId:guid}/revoke", async (Guid id, Guid qualificationId, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RevokeQualification(id, qualificationId, request?.Reason), ct))).RequireAuthorization()
            .Conflicts("qualification_revoked");

        labs.MapGet("/{id:guid}/sessions", async (Guid id, DateOnly? date, bool? upcoming, string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListLabSessions(
                id, date, upcoming ?? false, QueryEnums.Parse<LabBookingStatus>(status, nameof(status)), page ?? 1, pageSize ?? 100), ct)))
            .RequireAuthorization();
        labs.MapGet("/{id:guid}/usage", async (Guid id, DateOnly from, DateOnly to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLabUsage(id, from, to), ct))).RequireAuthorization();

        var bookings = api.MapGroup("/lab-bookings").WithTags("Labs").RequireAuthorization();
        bookings.MapPost("", async (CreateLabBooking command, ISender sender, CancellationToken ct) =>
        {
            var booking = await sender.Send(command, ct);
            return TypedResults.Created($"/api/v1/lab-bookings/{booking.Id}", booking);
        }).Idempotent()
            .Conflicts("already_booked", "equipment_taken", "slot_full")
            .Refuses("beyond_horizon", "booking_paused", "equipment_not_in_lab", "equipment_out_of_service", "lab_closed",
                "lab_not_published", "over_personal_cap", "qualification_expired", "qualification_required", "slot_not_in_timetable",
                "slot_started", "too_little_notice");
        bookings.MapGet("/mine", async (string? when, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyLabBookings(QueryEnums.Parse<BookingTimeframe>(when, nameof(when)) ?? BookingTimeframe.All, page ?? 1, pageSize ?? 20), ct)));
        bookings.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLabBooking(id), ct)));
        bookings.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelLabBooking(id, request?.Reason), ct)))
            .Conflicts("lab_booking_already_started", "lab_booking_not_cancellable")
            .Refuses("reason_required");
        bookings.MapPost("/{id:guid}/check-in", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CheckInLabBooking(id), ct)))
            .Conflicts("check_in_closed", "lab_booking_not_booked");
        bookings.MapPost("/{id:guid}/usage", async (Guid id, UsageRequest? request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RecordLabUsage(id, request?.Usage), ct)))
            .Conflicts("lab_booking_not_checked_in")
            .Refuses("equipment_not_in_session", "usage_before_start", "usage_minutes_invalid");

        api.MapGet("/me/qualifications", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMyQualifications(page ?? 1, pageSize ?? 50), ct))).WithTags("Labs").RequireAuthorization();
    }
}
