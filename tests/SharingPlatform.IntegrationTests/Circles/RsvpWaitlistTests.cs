using System.Net;
using System.Net.Http.Json;
using SharingPlatform.Domain.Circles;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Circles;

/// <summary>The waitlist under real concurrency: many HTTP clients answering and cancelling at once against one meeting.</summary>
[Collection(AppCollection.Name)]
public sealed class RsvpWaitlistTests(SharedApp shared)
{
    private const string Promoted = "meetingPromoted";
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task Twenty_racing_RSVPs_for_five_places_give_five_going_and_a_waitlist_in_arrival_order_and_five_racing_cancellations_promote_the_first_five_once_each()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(20);
        using var _ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)), capacity: 5);

        var answers = await Task.WhenAll(members.Select(async m => (Member: m, Answer: await m.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK))));

        answers.Count(a => a.Answer.Status() == "going").ShouldBe(5);
        answers.Where(a => a.Answer.Status() == "going").ShouldAllBe(a => a.Answer.Position() == null);
        var waitlisted = answers.Where(a => a.Answer.Status() == "waitlisted").ToList();
        waitlisted.Count.ShouldBe(15);
        waitlisted.Select(a => a.Answer.Position()!.Value).Order().ShouldBe(Enumerable.Range(1, 15));
        var rows = await _app.RsvpRowsAsync(meetingId);
        rows.Select(r => r.Arrival).Distinct().Count().ShouldBe(20);
        rows.Take(5).ShouldAllBe(r => r.Status == RsvpStatus.Going);
        var waitOrder = rows.Where(r => r.Status == RsvpStatus.Waitlisted).Select(r => r.UserId).ToList();
        waitlisted.OrderBy(a => a.Answer.Position()).Select(a => a.Member.Id).ShouldBe(waitOrder);

        var going = answers.Where(a => a.Answer.Status() == "going").Select(a => a.Member).ToList();
        await Task.WhenAll(going.Select(m => m.Client.CancelRsvpAsync(meetingId).ExpectAsync(HttpStatusCode.NoContent)));

        rows = await _app.RsvpRowsAsync(meetingId);
        rows.Where(r => r.Status == RsvpStatus.Going).Select(r => r.UserId).ShouldBe(waitOrder.Take(5), ignoreOrder: true);
        rows.Where(r => r.Status == RsvpStatus.Going).ShouldAllBe(r => r.PromotedAt != null);
        rows.Where(r => r.Status == RsvpStatus.Waitlisted).Select(r => r.UserId).ShouldBe(waitOrder.Skip(5));
        var byId = members.ToDictionary(m => m.Id);
        foreach (var promotedId in waitOrder.Take(5))
            (await byId[promotedId].NotificationsAsync(Promoted, meetingId)).Count.ShouldBe(1);
        foreach (var stillWaiting in waitOrder.Skip(5).Concat(going.Select(g => g.Id)))
            (await byId[stillWaiting].NotificationsAsync(Promoted, meetingId)).ShouldBeEmpty();

        var firstWaiting = await byId[waitOrder[5]].Client.MeetingAsync(meetingId);
        firstWaiting.GetProperty("goingCount").GetInt32().ShouldBe(5);
        firstWaiting.GetProperty("waitlistCount").GetInt32().ShouldBe(10);
        firstWaiting.GetProperty("capacity").GetInt32().ShouldBe(5);
        firstWaiting.GetProperty("myRsvp").Status().ShouldBe("waitlisted");
        firstWaiting.GetProperty("myRsvp").Position().ShouldBe(1);
        firstWaiting.GetProperty("going").GetArrayLength().ShouldBe(5);
        members.DisposeAll();
    }

    [Fact]
    public async Task Raising_the_capacity_from_five_to_eight_promotes_exactly_the_next_three_in_arrival_order()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(10);
        using var _ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)), capacity: 5);
        foreach (var member in members)
            await member.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);

        await members[0].Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/capacity", new { capacity = 8 }).ExpectAsync(HttpStatusCode.Forbidden);
        var meeting = await host.Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/capacity", new { capacity = 8 }).ExpectAsync(HttpStatusCode.OK);

        meeting.GetProperty("goingCount").GetInt32().ShouldBe(8);
        meeting.GetProperty("waitlistCount").GetInt32().ShouldBe(2);
        var rows = await _app.RsvpRowsAsync(meetingId);
        rows.Select(r => r.Status).ShouldBe(Enumerable.Repeat(RsvpStatus.Going, 8).Append(RsvpStatus.Waitlisted).Append(RsvpStatus.Waitlisted));
        for (var i = 5; i < 8; i++)
            (await members[i].NotificationsAsync(Promoted, meetingId)).ShouldHaveSingleItem().Title().ShouldBe("참석 확정: 3주차 모임");
        (await members[8].NotificationsAsync(Promoted, meetingId)).ShouldBeEmpty();
        (await members[8].Client.MeetingAsync(meetingId)).GetProperty("myRsvp").Position().ShouldBe(1);

        var refused = await host.Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/capacity", new { capacity = 7 });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("capacity_below_going");
        members.DisposeAll();
    }

    [Fact]
    public async Task Answering_twice_keeps_ones_place_and_answering_again_after_cancelling_goes_to_the_end_of_the_waitlist()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(3);
        using var _ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)), capacity: 1);
        (await members[0].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Status().ShouldBe("going");
        (await members[1].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Position().ShouldBe(1);
        (await members[2].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Position().ShouldBe(2);
        (await members[1].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Position().ShouldBe(1);

        await members[1].Client.CancelRsvpAsync(meetingId).ExpectAsync(HttpStatusCode.NoContent);
        (await members[2].Client.MeetingAsync(meetingId)).GetProperty("myRsvp").Position().ShouldBe(1);
        (await members[1].Client.MeetingAsync(meetingId)).GetProperty("myRsvp").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await members[1].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK)).Position().ShouldBe(2);
        var cancelledTwice = await members[0].Client.CancelRsvpAsync(meetingId);
        cancelledTwice.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await members[0].Client.CancelRsvpAsync(meetingId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await members[2].Client.MeetingAsync(meetingId)).GetProperty("myRsvp").Status().ShouldBe("going");
        members.DisposeAll();
    }

    [Fact]
    public async Task Members_who_leave_while_answering_keep_no_answer_and_their_places_go_to_the_waitlist()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(12);
        using var _ = host;
        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(3)), capacity: 3);
        var staying = members[..4];
        var leaving = members[4..];
        foreach (var member in staying)
            await member.Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);

        var answers = await Task.WhenAll(leaving.SelectMany(m => new[]
        {
            m.Client.RsvpAsync(meetingId),
            m.Client.PostAsync($"/api/v1/circles/{circleId}/leave", null),
        }));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.UnprocessableEntity);
        var rows = await _app.RsvpRowsAsync(meetingId);
        rows.Where(r => r.Status is RsvpStatus.Going or RsvpStatus.Waitlisted).Select(r => r.UserId).ShouldBe(staying.Select(m => m.Id), ignoreOrder: true);
        rows.Count(r => r.Status == RsvpStatus.Going).ShouldBe(3);
        members.DisposeAll();
    }
}
