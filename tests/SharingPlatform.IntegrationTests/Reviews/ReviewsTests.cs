using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Reviews;
using SharingPlatform.IntegrationTests.Circles;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Reviews;

/// <summary>
/// Reviews (이용 후기) of a completed booking: the window's edges by the app's clock, one per person under a race, one
/// reply by the organization, and the listing's stars leaving out a suspended person's review.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReviewsTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static object Body(Guid bookingId, int rating = 5, string text = "깨끗하고 좋았습니다") =>
        new { subjectType = "booking", subjectId = bookingId, rating, text };

    /// <summary>One-hour bookings of a new resource by <paramref name="booker"/>, an hour apart; a test completes them with the settling job.</summary>
    private async Task<(Guid ResourceId, Guid[] Bookings, DateTimeOffset LastEnd)> OneHourBookingsAsync(VerifiedOrganization organization, HttpClient booker, int count)
    {
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id));
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(20));
        var bookings = new Guid[count];
        for (var i = 0; i < count; i++)
            bookings[i] = await booker.BookedAsync(resourceId, start.AddHours(2 * i), start.AddHours(2 * i + 1));
        return (resourceId, bookings, start.AddHours(2 * count - 1));
    }

    [Fact]
    public async Task A_completed_booking_is_reviewed_within_thirty_days_of_its_end_by_the_apps_clock_and_not_before_or_after()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var booker = await _app.PersonAsync();
        using var stranger = await _app.PersonAsync();
        var (_, bookings, lastEnd) = await OneHourBookingsAsync(organization, booker.Client, 3);

        (await booker.Client.PostAsJsonAsync("/api/v1/reviews", Body(bookings[0])).ExpectAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("not_completed");

        using (_app.Clock.Travel(lastEnd.AddMinutes(5) - _app.Clock.GetUtcNow()))
            await _app.SendAsync(new SettleBookings());
        var firstEnd = lastEnd.AddHours(-4);
        using (_app.Clock.Travel(firstEnd.AddDays(30).AddMinutes(-1) - _app.Clock.GetUtcNow()))
        {
            using var reviewer = await _app.SignedInNowAsync(booker.Email);
            using var other = await _app.SignedInNowAsync(stranger.Email);
            await other.PostAsJsonAsync("/api/v1/reviews", Body(bookings[0])).ExpectAsync(HttpStatusCode.NotFound);
            await reviewer.PostAsJsonAsync("/api/v1/reviews", Body(bookings[0], rating: 6)).ExpectAsync(HttpStatusCode.BadRequest);
            var written = await reviewer.PostAsJsonAsync("/api/v1/reviews", Body(bookings[0], rating: 4)).ExpectAsync(HttpStatusCode.Created);
            written.GetProperty("rating").GetInt32().ShouldBe(4);
            written.GetProperty("authorName").GetString().ShouldBe(booker.DisplayName);
        }

        using (_app.Clock.Travel(lastEnd.AddDays(30).AddMinutes(1) - _app.Clock.GetUtcNow()))
        {
            using var reviewer = await _app.SignedInNowAsync(booker.Email);
            (await reviewer.PostAsJsonAsync("/api/v1/reviews", Body(bookings[2])).ExpectAsync(HttpStatusCode.UnprocessableEntity))
                .GetProperty("code").GetString().ShouldBe("review_window_closed");
        }

        (await _app.QueryAsync(db => db.Reviews.CountAsync(r => bookings.Contains(r.SubjectId)))).ShouldBe(1);
    }

    [Fact]
    public async Task Ten_reviews_of_one_booking_at_once_leave_one_and_the_organization_replies_once_while_others_cannot()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var booker = await _app.PersonAsync();
        using var stranger = await _app.PersonAsync();
        var (resourceId, bookings, lastEnd) = await OneHourBookingsAsync(organization, booker.Client, 1);
        using (_app.Clock.Travel(lastEnd.AddMinutes(5) - _app.Clock.GetUtcNow()))
        {
            await _app.SendAsync(new SettleBookings());
            using var reviewer = await _app.SignedInNowAsync(booker.Email);
            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => reviewer.PostAsJsonAsync("/api/v1/reviews", Body(bookings[0]))));
            answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
            answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(9);
            var refused = answers.First(a => a.StatusCode == HttpStatusCode.Conflict);
            (await refused.ProblemAsync()).GetProperty("code").GetString().ShouldBe("already_reviewed");
            foreach (var answer in answers)
                answer.Dispose();
        }

        var reviewId = await _app.QueryAsync(db => db.Reviews.Where(r => r.SubjectId == bookings[0]).Select(r => r.Id).SingleAsync());
        await stranger.Client.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/reply", new { text = "감사합니다" }).ExpectAsync(HttpStatusCode.Forbidden);
        await booker.Client.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/reply", new { text = "셀프 답글" }).ExpectAsync(HttpStatusCode.Forbidden);
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            organization.Owner.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/reply", new { text = $"이용해 주셔서 감사합니다 {i}" })));
        replies.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        replies.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);

        using var anonymous = _app.NewClient();
        var listed = await anonymous.GetAsync($"/api/v1/resources/{resourceId}/reviews").ExpectAsync(HttpStatusCode.OK);
        listed.GetProperty("rating").GetProperty("count").GetInt32().ShouldBe(1);
        var review = listed.GetProperty("reviews").GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        review.GetProperty("reply").GetString().ShouldNotBeNull().ShouldStartWith("이용해 주셔서 감사합니다");
        foreach (var reply in replies)
            reply.Dispose();
    }

    [Fact]
    public async Task A_listings_stars_average_its_reviews_and_leave_out_a_suspended_persons_until_they_are_restored()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var kind = await _app.PersonAsync();
        using var harsh = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        using var anonymous = _app.NewClient();
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id));
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(20));
        var first = await kind.Client.BookedAsync(resourceId, start, start.AddHours(1));
        var second = await harsh.Client.BookedAsync(resourceId, start.AddHours(2), start.AddHours(3));
        using (_app.Clock.Travel(start.AddHours(4) - _app.Clock.GetUtcNow()))
        {
            await _app.SendAsync(new SettleBookings());
            using var kindNow = await _app.SignedInNowAsync(kind.Email);
            using var harshNow = await _app.SignedInNowAsync(harsh.Email);
            await kindNow.PostAsJsonAsync("/api/v1/reviews", Body(first, rating: 5)).ExpectAsync(HttpStatusCode.Created);
            await harshNow.PostAsJsonAsync("/api/v1/reviews", Body(second, rating: 2, text: "별로")).ExpectAsync(HttpStatusCode.Created);
        }

        async Task<JsonElement> RatingAsync() =>
            (await anonymous.GetAsync($"/api/v1/resources/{resourceId}/reviews").ExpectAsync(HttpStatusCode.OK)).GetProperty("rating");
        (await RatingAsync()).GetProperty("average").GetDouble().ShouldBe(3.5);
        (await RatingAsync()).GetProperty("count").GetInt32().ShouldBe(2);

        await admin.PostAsJsonAsync($"/api/v1/admin/users/{harsh.Id}/suspend", new { reason = "도배" }).ExpectAsync(HttpStatusCode.NoContent);
        (await RatingAsync()).GetProperty("average").GetDouble().ShouldBe(5);
        (await RatingAsync()).GetProperty("count").GetInt32().ShouldBe(1);

        await admin.PostAsJsonAsync($"/api/v1/admin/users/{harsh.Id}/restore", new { reason = "소명" }).ExpectAsync(HttpStatusCode.NoContent);
        (await RatingAsync()).GetProperty("count").GetInt32().ShouldBe(2);
        await anonymous.GetAsync($"/api/v1/resources/{Guid.NewGuid()}/reviews").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_bodies_and_search_results_carry_the_stars_and_search_sorts_by_them_unrated_last()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var people = await _app.PeopleAsync(3);
        var word = CatalogClient.NewHangulWord();
        var liked = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, $"{word} 회의실"));
        var loved = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, $"{word} 작업실"));
        var unrated = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, $"{word} 창고"));
        await _app.QueryAsync(db =>
        {
            var now = _app.Clock.GetUtcNow();
            void Add(Guid author, Guid resource, int rating) => db.Reviews.Add(Domain.Reviews.Review.Write(author, Domain.Reviews.ReviewSubject.Booking,
                Guid.NewGuid(), Domain.Reviews.ReviewedListing.Resource, resource, rating, "후기", now.AddHours(-1), now));
            Add(people[0].Id, liked, 4);
            Add(people[1].Id, liked, 5);
            Add(people[2].Id, loved, 5);
            return db.SaveChangesAsync();
        });
        using var anonymous = _app.NewClient();

        var body = await anonymous.GetAsync($"/api/v1/resources/{liked}").ExpectAsync(HttpStatusCode.OK);
        body.GetProperty("rating").GetProperty("average").GetDouble().ShouldBe(4.5);
        body.GetProperty("rating").GetProperty("count").GetInt32().ShouldBe(2);
        var none = (await anonymous.GetAsync($"/api/v1/resources/{unrated}").ExpectAsync(HttpStatusCode.OK)).GetProperty("rating");
        none.GetProperty("average").ValueKind.ShouldBe(JsonValueKind.Null);
        none.GetProperty("count").GetInt32().ShouldBe(0);

        var found = (await anonymous.GetAsync($"/api/v1/resources?q={Uri.EscapeDataString(word)}&sort=rating").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();
        found.Select(i => i.Id()).ShouldBe([loved, liked, unrated]);
        found[1].GetProperty("rating").GetProperty("average").GetDouble().ShouldBe(4.5);
        found[1].GetProperty("rating").GetProperty("count").GetInt32().ShouldBe(2);

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Resources?q={Uri.EscapeDataString(word)}&sort=Rating"));
        page.IndexOf($"{word} 작업실", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf($"{word} 회의실", StringComparison.Ordinal));
        page.ShouldContain("5점 만점에 4.5점 (후기 2개)");
        WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Resources/Details/{liked}")).ShouldContain("5점 만점에 4.5점 (후기 2개)");
        foreach (var person in people)
            person.Dispose();
    }

    [Fact]
    public async Task The_day_after_a_completed_booking_its_booker_is_asked_once_even_by_two_job_runs_at_once_and_not_after_a_review()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var asked = await _app.PersonAsync();
        using var reviewer = await _app.PersonAsync();
        var title = $"{CatalogClient.NewHangulWord()} 세미나실";
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, title: title));
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(20));
        var booking = await asked.Client.BookedAsync(resourceId, start, start.AddHours(1));
        var reviewed = await reviewer.Client.BookedAsync(resourceId, start.AddHours(2), start.AddHours(3));
        using (_app.Clock.Travel(start.AddHours(4) - _app.Clock.GetUtcNow()))
        {
            await _app.SendAsync(new SettleBookings());
            using var reviewerNow = await _app.SignedInNowAsync(reviewer.Email);
            await reviewerNow.PostAsJsonAsync("/api/v1/reviews", Body(reviewed)).ExpectAsync(HttpStatusCode.Created);
        }

        using (_app.Clock.Travel(start.AddHours(23) - _app.Clock.GetUtcNow()))
            await _app.SendAsync(new RequestReviews());
        (await asked.NotificationsAsync("reviewRequested")).ShouldBeEmpty();

        using (_app.Clock.Travel(start.AddHours(26) - _app.Clock.GetUtcNow()))
            await Task.WhenAll(_app.SendAsync(new RequestReviews()), _app.SendAsync(new RequestReviews()));
        using (_app.Clock.Travel(start.AddHours(30) - _app.Clock.GetUtcNow()))
            await _app.SendAsync(new RequestReviews());

        var request = (await asked.NotificationsAsync("reviewRequested")).ShouldHaveSingleItem();
        request.Title().ShouldContain(title);
        request.Link().ShouldBe($"/Reviews/New?subjectType=Booking&subjectId={booking}");
        (await _app.OutgoingEmailsToAsync(asked.Email)).Count(e => e.Subject.Contains(request.Title(), StringComparison.Ordinal)).ShouldBe(1);
        (await reviewer.NotificationsAsync("reviewRequested")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_who_attended_a_meeting_reviews_it_its_page_offers_them_the_form_and_the_stars_go_to_the_circle()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(2);
        using var __ = host;
        var start = _app.NextHalfHour(TimeSpan.FromMinutes(10));
        var meetingId = await host.Client.ScheduledAsync(circleId, start, capacity: 5, length: TimeSpan.FromMinutes(10), title: "제로웨이스트 장보기");
        await members[0].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);
        await members[1].Client.RsvpAsync(meetingId).ExpectAsync(HttpStatusCode.OK);

        using (_app.Clock.Travel(start.AddMinutes(11) - _app.Clock.GetUtcNow()))
        {
            await host.Client.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/attendance", new { attendedUserIds = new[] { members[0].Id } })
                .ExpectAsync(HttpStatusCode.OK);
            var meeting = new { subjectType = "meeting", subjectId = meetingId, rating = 4, text = "알찬 모임" };
            (await members[0].Client.PostAsJsonAsync("/api/v1/reviews", meeting).ExpectAsync(HttpStatusCode.Created))
                .GetProperty("listingId").GetGuid().ShouldBe(circleId);
            (await members[1].Client.PostAsJsonAsync("/api/v1/reviews", meeting).ExpectAsync(HttpStatusCode.UnprocessableEntity))
                .GetProperty("code").GetString().ShouldBe("not_completed");

            using var attendee = _app.NewClient(followRedirects: false);
            await attendee.SignInAsync(members[0].Email, ApiClient.Password);
            using var absent = _app.NewClient(followRedirects: false);
            await absent.SignInAsync(members[1].Email, ApiClient.Password);
            (await attendee.GetStringAsync($"/Meetings/Details/{meetingId}")).ShouldContain("id=\"write-review\"");
            (await absent.GetStringAsync($"/Meetings/Details/{meetingId}")).ShouldNotContain("id=\"write-review\"");
        }

        var rating = (await host.Client.GetAsync($"/api/v1/circles/{circleId}").ExpectAsync(HttpStatusCode.OK)).GetProperty("rating");
        rating.GetProperty("average").GetDouble().ShouldBe(4);
        rating.GetProperty("count").GetInt32().ShouldBe(1);
        members.DisposeAll();
    }

    [Fact]
    public async Task On_the_site_the_booker_reviews_from_the_booking_page_and_the_owner_replies_on_the_reviews_page()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var booker = await _app.PersonAsync();
        var (resourceId, bookings, lastEnd) = await OneHourBookingsAsync(organization, booker.Client, 1);
        using (_app.Clock.Travel(lastEnd.AddMinutes(5) - _app.Clock.GetUtcNow()))
        {
            await _app.SendAsync(new SettleBookings());
            using var site = _app.NewClient(followRedirects: false);
            await site.SignInAsync(booker.Email, ApiClient.Password);
            (await site.GetStringAsync($"/Bookings/Details/{bookings[0]}")).ShouldContain("id=\"write-review\"");
            var form = $"/Reviews/New?subjectType=Booking&subjectId={bookings[0]}";

            var refused = await site.PostFormAsync(form, new Dictionary<string, string> { ["Rating"] = "9", ["Text"] = "" });
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await _app.QueryAsync(db => db.Reviews.CountAsync(r => r.SubjectId == bookings[0]))).ShouldBe(0);
            var posted = await site.PostFormAsync(form, new Dictionary<string, string> { ["Rating"] = "4", ["Text"] = "조용하고 밝은 방" });
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            posted.Headers.Location!.OriginalString.ShouldBe($"/Reviews/Resource/{resourceId}");
        }

        using var owner = _app.NewClient(followRedirects: false);
        await owner.SignInAsync(organization.OwnerEmail, ApiClient.Password);
        var page = $"/Reviews/Resource/{resourceId}";
        var reviewId = await _app.QueryAsync(db => db.Reviews.Where(r => r.SubjectId == bookings[0]).Select(r => r.Id).SingleAsync());
        (await owner.PostFormAsync(page + "?handler=Reply", new Dictionary<string, string> { ["ReviewId"] = reviewId.ToString(), ["Reply"] = "다음에도 오세요" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var anonymous = _app.NewClient();
        var shown = await anonymous.GetStringAsync(page);
        shown.ShouldContain("조용하고 밝은 방");
        shown.ShouldContain("다음에도 오세요");
        shown.ShouldContain("별점 평균 4.0점 (후기 1개)");
        shown.ShouldNotContain("name=\"Reply\"");
    }

    [Fact]
    public async Task A_reported_review_suspended_by_an_administrator_leaves_the_page_and_the_average_its_author_is_told_and_it_comes_back_when_restored()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        using var author = await _app.PersonAsync();
        using var reporter = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        using var anonymous = _app.NewClient(followRedirects: false);
        var (resourceId, bookings, _) = await OneHourBookingsAsync(organization, author.Client, 1);
        var review = Domain.Reviews.Review.Write(author.Id, Domain.Reviews.ReviewSubject.Booking, bookings[0], Domain.Reviews.ReviewedListing.Resource,
            resourceId, 1, "광고 문구입니다", _app.Clock.GetUtcNow().AddHours(-2), _app.Clock.GetUtcNow());
        await _app.QueryAsync(db =>
        {
            db.Reviews.Add(review);
            return db.SaveChangesAsync();
        });
        (await anonymous.GetAsync($"/Reviews/Show/{review.Id}")).Headers.Location!.OriginalString.ShouldBe($"/Reviews/Resource/{resourceId}#review-{review.Id}");

        await reporter.Client.PostAsJsonAsync("/api/v1/reports", new { subjectType = "review", subjectId = review.Id, reason = "spam", details = "광고" })
            .ExpectAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{review.Id}/suspend", new { reason = "광고성 후기" }).ExpectAsync(HttpStatusCode.NoContent);

        var listed = await anonymous.GetAsync($"/api/v1/resources/{resourceId}/reviews").ExpectAsync(HttpStatusCode.OK);
        listed.GetProperty("rating").GetProperty("count").GetInt32().ShouldBe(0);
        (await anonymous.GetAsync($"/Reviews/Show/{review.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await author.NotificationsAsync("reviewSuspended", review.Id)).ShouldHaveSingleItem()
            .GetProperty("body").GetString().ShouldNotBeNull().ShouldContain("광고성 후기");
        (await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{review.Id}/suspend", new { reason = "다시" }).ExpectAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("review_suspended");

        await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{review.Id}/restore", new { }).ExpectAsync(HttpStatusCode.NoContent);
        (await anonymous.GetAsync($"/api/v1/resources/{resourceId}/reviews").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("rating").GetProperty("count").GetInt32().ShouldBe(1);
    }
}
