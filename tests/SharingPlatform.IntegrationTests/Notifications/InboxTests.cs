using System.Net;
using System.Text.Json;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

/// <summary>The inbox through <c>/api/v1/notifications</c>: newest first, paged, unread ones on request, read one by one or all.</summary>
[Collection(AppCollection.Name)]
public sealed class InboxTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    /// <summary>The bookings the notifications are about, in the inbox's order.</summary>
    private static IEnumerable<Guid> BookingsOf(JsonElement inbox) => inbox.Items().Select(n => n.SubjectId());

    /// <summary>A person with three booking-confirmed notifications, told in this order.</summary>
    private async Task<(Person Person, VerifiedOrganization Organization, Guid[] Bookings, Guid[] Ids)> ThreeNotificationsAsync()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        var person = await _app.PersonAsync();
        var start = _app.NextHalfHour(TimeSpan.FromDays(3));
        var bookings = new List<Guid>();
        for (var i = 0; i < 3; i++)
            bookings.Add(await person.Client.BookedAsync(resourceId, start.AddHours(2 * i), start.AddHours(2 * i + 1)));
        var inbox = await person.Client.InboxAsync();
        var ids = bookings.Select(booking => inbox.Items().Single(n => n.SubjectId() == booking).GetProperty("id").GetGuid()).ToArray();
        return (person, organization, bookings.ToArray(), ids);
    }

    [Fact]
    public async Task The_inbox_lists_the_newest_first_in_pages_with_the_count_of_unread()
    {
        var (person, organization, bookings, _) = await ThreeNotificationsAsync();
        using var _ = person;
        using var __ = organization;

        var inbox = await person.Client.InboxAsync();

        inbox.UnreadCount().ShouldBe(3);
        inbox.GetProperty("notifications").GetProperty("totalCount").GetInt32().ShouldBe(3);
        BookingsOf(inbox).ShouldBe(bookings.AsEnumerable().Reverse());
        inbox.Items().ShouldAllBe(n => n.Kind() == "bookingConfirmed" && n.GetProperty("readAt").ValueKind == JsonValueKind.Null);
        var firstPage = await person.Client.InboxAsync(page: 1, pageSize: 2);
        BookingsOf(firstPage).ShouldBe([bookings[2], bookings[1]]);
        firstPage.GetProperty("notifications").GetProperty("totalCount").GetInt32().ShouldBe(3);
        var lastPage = await person.Client.InboxAsync(page: 2, pageSize: 2);
        BookingsOf(lastPage).ShouldBe([bookings[0]]);
        lastPage.GetProperty("notifications").GetProperty("totalCount").GetInt32().ShouldBe(3);
        var pastTheEnd = await person.Client.InboxAsync(page: 4, pageSize: 2);
        BookingsOf(pastTheEnd).ShouldBeEmpty();
        pastTheEnd.GetProperty("notifications").GetProperty("totalCount").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Reading_one_notification_lowers_the_unread_count_and_reading_all_clears_it()
    {
        var (person, organization, bookings, ids) = await ThreeNotificationsAsync();
        using var _ = person;
        using var __ = organization;

        (await person.Client.PostAsync($"/api/v1/notifications/{ids[1]}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await person.Client.PostAsync($"/api/v1/notifications/{ids[1]}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var inbox = await person.Client.InboxAsync();
        inbox.UnreadCount().ShouldBe(2);
        inbox.Items().Single(n => n.SubjectId() == bookings[1]).GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
        var unread = await person.Client.InboxAsync(unreadOnly: true);
        BookingsOf(unread).ShouldBe([bookings[2], bookings[0]]);
        unread.GetProperty("notifications").GetProperty("totalCount").GetInt32().ShouldBe(2);

        var all = await person.Client.PostAsync("/api/v1/notifications/read-all", null).ExpectAsync(HttpStatusCode.OK);

        all.GetProperty("marked").GetInt32().ShouldBe(2);
        (await person.Client.InboxAsync()).UnreadCount().ShouldBe(0);
        (await person.Client.InboxAsync(unreadOnly: true)).Items().ShouldBeEmpty();
        BookingsOf(await person.Client.InboxAsync()).ShouldBe(bookings.AsEnumerable().Reverse());
        (await person.Client.PostAsync("/api/v1/notifications/read-all", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("marked").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Nobody_reads_or_marks_someone_elses_notifications()
    {
        var (person, organization, _, ids) = await ThreeNotificationsAsync();
        using var _ = person;
        using var __ = organization;
        using var stranger = await _app.PersonAsync();

        using var marked = await stranger.Client.PostAsync($"/api/v1/notifications/{ids[0]}/read", null);

        marked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await marked.ProblemAsync()).GetProperty("status").GetInt32().ShouldBe(404);
        (await stranger.Client.InboxAsync()).Items().ShouldBeEmpty();
        (await stranger.Client.PostAsync("/api/v1/notifications/read-all", null).ExpectAsync(HttpStatusCode.OK)).GetProperty("marked").GetInt32().ShouldBe(0);
        (await person.Client.InboxAsync()).UnreadCount().ShouldBe(3);
        (await person.Client.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_signing_in_the_inbox_answers_401()
    {
        using var anonymous = _app.NewClient(followRedirects: false);

        (await anonymous.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/api/v1/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/me/notification-settings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
