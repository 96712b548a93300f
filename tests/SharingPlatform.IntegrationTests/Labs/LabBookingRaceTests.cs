using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Labs;

/// <summary>Seats and equipment of a slot under real concurrency: the database settles every race.</summary>
[Collection(AppCollection.Name)]
public sealed class LabBookingRaceTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Thirty_people_racing_for_a_four_seat_slot_get_exactly_four_seats()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4);
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        var people = await _app.ResidentsAsync(30);

        var answers = await Task.WhenAll(people.Select(p => p.BookLabAsync(lab.Id, slot)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(4);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(26);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("slot_full");
        (await lab.Manager.SlotAtAsync(lab.Id, slot)).GetProperty("seatsLeft").GetInt32().ShouldBe(0);
        var seats = await _app.QueryAsync(db => db.LabSlots.SingleAsync(s => s.LabId == lab.Id && s.StartsAt == slot));
        seats.SeatsTaken.ShouldBe(4);
        (await _app.QueryAsync(db => db.LabBookings.CountAsync(b => b.LabId == lab.Id))).ShouldBe(4);
        foreach (var person in people)
            person.Dispose();
    }

    [Fact]
    public async Task Ten_qualified_people_racing_for_one_laser_cutter_in_a_slot_get_it_once()
    {
        using var lab = await _app.PublishedLabAsync(seats: 20, ("레이저 커터", true));
        var cutter = lab.Equipment["레이저 커터"];
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        var people = await _app.PeopleAsync(10);
        foreach (var person in people)
            await lab.Manager.GrantAsync(lab.Id, person.Email, cutter, _app.SeoulToday().AddDays(30)).ExpectAsync(HttpStatusCode.Accepted);

        var answers = await Task.WhenAll(people.Select(p => p.Client.BookLabAsync(lab.Id, slot, cutter)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(9);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("equipment_taken");
        var after = await lab.Manager.SlotAtAsync(lab.Id, slot);
        after.GetProperty("seatsLeft").GetInt32().ShouldBe(19);
        after.GetProperty("freeEquipmentIds").EnumerateArray().ShouldBeEmpty();
        foreach (var person in people)
            person.Dispose();
    }

    [Fact]
    public async Task One_person_holds_one_seat_per_slot_even_when_asking_twice_at_once()
    {
        using var lab = await _app.PublishedLabAsync(seats: 4);
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        using var person = (await _app.ResidentsAsync(1))[0];

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => person.BookLabAsync(lab.Id, slot)));
        (await person.BookLabAsync(lab.Id, slot).ProblemCodeAsync(HttpStatusCode.Conflict)).ShouldBe("already_booked");

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(4);
        (await lab.Manager.SlotAtAsync(lab.Id, slot)).GetProperty("seatsLeft").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_and_the_equipment_for_an_immediate_rebooking()
    {
        using var lab = await _app.PublishedLabAsync(seats: 1, ("3D 프린터", false));
        var printer = lab.Equipment["3D 프린터"];
        var slot = (await lab.Manager.NextSlotAsync(_app, lab.Id, TimeSpan.FromDays(1))).StartsAt();
        var people = await _app.ResidentsAsync(2);
        var first = await people[0].BookedLabAsync(lab.Id, slot, printer);
        (await people[1].BookLabAsync(lab.Id, slot).ProblemCodeAsync(HttpStatusCode.Conflict)).ShouldBe("slot_full");

        var cancelled = await people[0].PostAsJsonAsync($"/api/v1/lab-bookings/{first}/cancel", new { reason = "일정 변경" }).ExpectAsync(HttpStatusCode.OK);
        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        cancelled.GetProperty("equipmentIds").EnumerateArray().ShouldBeEmpty();
        var freed = await lab.Manager.SlotAtAsync(lab.Id, slot);
        freed.GetProperty("seatsLeft").GetInt32().ShouldBe(1);
        freed.GetProperty("freeEquipmentIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([printer]);

        var second = await people[1].BookLabAsync(lab.Id, slot, printer).ExpectAsync(HttpStatusCode.Created);
        second.GetProperty("equipmentIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([printer]);
        second.GetProperty("slotEndsAt").GetDateTimeOffset().ShouldBe(slot.AddHours(2));
        second.GetProperty("status").GetString().ShouldBe("booked");
        (await _app.QueryAsync(db => db.LabSlots.SingleAsync(s => s.LabId == lab.Id && s.StartsAt == slot))).SeatsTaken.ShouldBe(1);
        foreach (var person in people)
            person.Dispose();
    }
}
