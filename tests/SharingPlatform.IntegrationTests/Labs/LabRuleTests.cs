using System.Net;
using System.Net.Http.Json;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>What a lab refuses (422 with a code) and who may do what (403 / 404).</summary>
[Collection(AppCollection.Name)]
public sealed class LabRuleTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Granting_a_qualification_answers_the_same_for_an_email_without_an_account()
    {
        using var lab = await _app.PublishedLabAsync(4, ("레이저 커터", true));
        var cutter = lab.Equipment["레이저 커터"];
        using var person = await _app.PersonAsync();
        var until = _app.SeoulToday().AddDays(30);

        using var known = await lab.Manager.GrantAsync(lab.Id, person.Email, cutter, until);
        using var unknown = await lab.Manager.GrantAsync(lab.Id, ApiClient.NewEmail("nobody"), cutter, until);

        unknown.StatusCode.ShouldBe(known.StatusCode);
        known.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await unknown.Content.ReadAsStringAsync()).ShouldBe(await known.Content.ReadAsStringAsync());
        (await person.NotificationsAsync("qualificationGranted")).ShouldHaveSingleItem();
        (await lab.Manager.GetAsync($"/api/v1/labs/{lab.Id}/qualifications").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(q => q.GetProperty("userEmail").GetString()).ShouldBe([person.Email]);
    }

    [Fact]
    public async Task Equipment_that_needs_a_qualification_is_refused_without_one_valid_on_the_session_date()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4, ("레이저 커터", true));
        var cutter = lab.Equipment["레이저 커터"];
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(2))).StartsAt();
        var sessionDate = DateOnly.FromDateTime(slot.ToOffset(BookingClient.Kst).DateTime);
        var people = await _app.PeopleAsync(3);

        (await people[0].Client.BookLabAsync(lab.Id, slot, cutter).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("qualification_required");

        await lab.Manager.GrantAsync(lab.Id, people[1].Email, cutter, sessionDate.AddDays(-1)).ExpectAsync(HttpStatusCode.Accepted);
        (await people[1].Client.BookLabAsync(lab.Id, slot, cutter).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("qualification_expired");

        await lab.Manager.GrantAsync(lab.Id, people[2].Email, cutter, sessionDate).ExpectAsync(HttpStatusCode.Accepted);
        var granted = (await lab.Manager.GetAsync($"/api/v1/labs/{lab.Id}/qualifications").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single(q => q.GetProperty("userEmail").GetString() == people[2].Email);
        granted.GetProperty("state").GetString().ShouldBe("expiringSoon");
        (await people[2].Client.GetAsync("/api/v1/me/qualifications").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single().GetProperty("validUntil").GetString().ShouldBe(sessionDate.ToString("yyyy-MM-dd"));
        (await people[2].NotificationsAsync("qualificationGranted")).ShouldHaveSingleItem();

        var booked = await people[2].Client.BookLabAsync(lab.Id, slot, cutter).ExpectAsync(HttpStatusCode.Created);
        booked.GetProperty("equipmentIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([cutter]);

        await lab.Manager.PostAsJsonAsync($"/api/v1/labs/{lab.Id}/qualifications/{granted.Id()}/revoke", new { reason = "안전수칙 위반" }).ExpectAsync(HttpStatusCode.OK);
        (await people[2].NotificationsAsync("qualificationRevoked")).ShouldHaveSingleItem();
        var later = (await lab.Manager.SlotsAsync(lab.Id, slot.AddHours(2), slot.AddDays(1)))[0].StartsAt();
        (await people[2].Client.BookLabAsync(lab.Id, later, cutter).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("qualification_required");
        var holders = await lab.Manager.GetAsync($"/api/v1/labs/{lab.Id}/qualifications").ExpectAsync(HttpStatusCode.OK);
        holders.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("userEmail").GetString()).ShouldBe([people[1].Email]);
        foreach (var person in people)
            person.Dispose();
    }

    [Fact]
    public async Task Out_of_service_equipment_is_refused_and_sessions_holding_it_lose_it_with_a_notice()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4, ("CNC 라우터", false));
        var router = lab.Equipment["CNC 라우터"];
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        using var booker = await _app.PersonAsync();
        using var other = await _app.PersonAsync();
        var bookingId = await booker.Client.BookedLabAsync(lab.Id, slot, router);

        var result = await lab.Manager.PostAsJsonAsync($"/api/v1/labs/{lab.Id}/equipment/{router}/out-of-service",
            new { from = slot.AddHours(-1), until = slot.AddDays(1), reason = "스핀들 교체" }).ExpectAsync(HttpStatusCode.OK);

        result.GetProperty("sessionsAffected").GetInt32().ShouldBe(1);
        var session = await booker.Client.LabBookingAsync(bookingId);
        session.GetProperty("status").GetString().ShouldBe("booked");
        session.GetProperty("equipmentIds").EnumerateArray().ShouldBeEmpty();
        (await booker.NotificationsAsync("labEquipmentOutOfService")).ShouldHaveSingleItem().Body().ShouldContain("스핀들 교체");
        (await other.Client.BookLabAsync(lab.Id, slot, router).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("equipment_out_of_service");
        (await lab.Manager.SlotAtAsync(lab.Id, slot)).GetProperty("freeEquipmentIds").EnumerateArray().ShouldBeEmpty();

        await lab.Manager.PostAsync($"/api/v1/labs/{lab.Id}/equipment/{router}/return-to-service", null).ExpectAsync(HttpStatusCode.OK);
        await other.Client.BookLabAsync(lab.Id, slot, router).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_slot_that_is_not_in_the_timetable_or_closed_is_refused()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4);
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        using var person = (await _app.ResidentsAsync(1))[0];

        (await person.BookLabAsync(lab.Id, slot.AddMinutes(30)).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("slot_not_in_timetable");
        var closed = DateOnly.FromDateTime(slot.ToOffset(BookingClient.Kst).DateTime);
        var lab1 = await lab.Manager.GetAsync($"/api/v1/labs/{lab.Id}").ExpectAsync(HttpStatusCode.OK);
        var body = LabClient.LabBody(lab.Organization.Id);
        body.Remove("organizationId");
        body["version"] = lab1.GetProperty("version").GetUInt32();
        body["closedDates"] = new System.Text.Json.Nodes.JsonArray(closed.ToString("yyyy-MM-dd"));
        await lab.Manager.PutAsJsonAsync($"/api/v1/labs/{lab.Id}", body).ExpectAsync(HttpStatusCode.OK);

        (await person.BookLabAsync(lab.Id, slot).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("lab_closed");
        (await lab.Manager.SlotsAsync(lab.Id, slot.AddHours(-1), slot.AddHours(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_resident_cannot_grant_qualifications_check_people_in_or_see_a_draft_lab()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4, ("레이저 커터", true));
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        using var resident = await _app.PersonAsync();
        using var booker = await _app.PersonAsync();
        var bookingId = await booker.Client.BookedLabAsync(lab.Id, slot);

        await resident.Client.GrantAsync(lab.Id, resident.Email, lab.Equipment["레이저 커터"], _app.SeoulToday().AddDays(30)).ExpectAsync(HttpStatusCode.Forbidden);
        await resident.Client.GetAsync($"/api/v1/labs/{lab.Id}/qualifications").ExpectAsync(HttpStatusCode.Forbidden);
        await resident.Client.PostAsync($"/api/v1/lab-bookings/{bookingId}/check-in", null).ExpectAsync(HttpStatusCode.NotFound);
        await booker.Client.PostAsync($"/api/v1/lab-bookings/{bookingId}/check-in", null).ExpectAsync(HttpStatusCode.Forbidden);
        await resident.Client.PostAsJsonAsync($"/api/v1/lab-bookings/{bookingId}/cancel", new { reason = "x" }).ExpectAsync(HttpStatusCode.NotFound);

        var draftId = await CatalogClient.CreatedIdAsync(lab.Manager.PostAsJsonAsync("/api/v1/labs", LabClient.LabBody(lab.Organization.Id, name: "준비 중인 실험실")));
        await resident.Client.GetAsync($"/api/v1/labs/{draftId}").ExpectAsync(HttpStatusCode.NotFound);
        await resident.Client.GrantAsync(draftId, resident.Email, lab.Equipment["레이저 커터"], _app.SeoulToday().AddDays(30)).ExpectAsync(HttpStatusCode.NotFound);
        await lab.Manager.GetAsync($"/api/v1/labs/{draftId}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_manager_cancels_with_a_reason_and_the_booker_is_told()
    {
        using var lab = await _app.PublishedLabAsync(seats: 2);
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        using var booker = await _app.PersonAsync();
        var bookingId = await booker.Client.BookedLabAsync(lab.Id, slot);

        (await lab.Manager.PostAsJsonAsync($"/api/v1/lab-bookings/{bookingId}/cancel", new { reason = "" })
            .ProblemCodeAsync(HttpStatusCode.UnprocessableEntity)).ShouldBe("reason_required");
        await lab.Manager.PostAsJsonAsync($"/api/v1/lab-bookings/{bookingId}/cancel", new { reason = "정전 점검" }).ExpectAsync(HttpStatusCode.OK);

        (await booker.NotificationsAsync("labSessionCancelled")).ShouldHaveSingleItem().Body().ShouldContain("정전 점검");
        (await lab.Manager.SlotAtAsync(lab.Id, slot)).GetProperty("seatsLeft").GetInt32().ShouldBe(2);
        var mine = await booker.Client.GetAsync("/api/v1/lab-bookings/mine").ExpectAsync(HttpStatusCode.OK);
        mine.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("cancelled");
    }
}
