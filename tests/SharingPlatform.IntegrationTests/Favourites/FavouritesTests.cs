using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Domain.Favourites;
using SharingPlatform.Domain.Users;
using SharingPlatform.IntegrationTests.Circles;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Favourites;

/// <summary>Keeping resources, labs and circles: the API, a race of saves, what the list hides, a favourite circle's meetings, the pages.</summary>
[Collection(AppCollection.Name)]
public sealed partial class FavouritesTests(SharedApp shared)
{
    private static readonly string[] FavouriteMeetingsOff = ["favouriteCircleMeeting"];

    private readonly AppFactory _app = shared.Factory;

    private static async Task<List<(string Type, Guid Id, string Title)>> ListAsync(HttpClient client)
    {
        var page = await client.GetAsync("/api/v1/me/favourites").ExpectAsync(HttpStatusCode.OK);
        page.GetProperty("totalCount").GetInt32().ShouldBe(page.GetProperty("items").GetArrayLength());
        return page.GetProperty("items").EnumerateArray()
            .Select(f => (f.GetProperty("type").GetString()!, f.Id(), f.GetProperty("title").GetString()!)).ToList();
    }

    [Fact]
    public async Task Saving_is_201_then_200_the_list_is_newest_first_and_removing_is_204_then_404()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var lab = await _app.PublishedLabAsync();
        var (host, circleId, _) = await _app.CircleWithMembersAsync(0);
        using var __ = host;
        using var person = await _app.PersonAsync();
        var client = person.Client;

        var saved = await client.PutAsync($"/api/v1/me/favourites/resource/{resourceId}", null).ExpectAsync(HttpStatusCode.Created);
        saved.GetProperty("title").GetString().ShouldBe("24시간 공유공간");
        await client.PutAsync($"/api/v1/me/favourites/resource/{resourceId}", null).ExpectAsync(HttpStatusCode.OK);
        await client.PutAsync($"/api/v1/me/favourites/lab/{lab.Id}", null).ExpectAsync(HttpStatusCode.Created);
        await client.PutAsync($"/api/v1/me/favourites/circle/{circleId}", null).ExpectAsync(HttpStatusCode.Created);

        (await ListAsync(client)).Select(f => (f.Type, f.Id)).ShouldBe([("circle", circleId), ("lab", lab.Id), ("resource", resourceId)]);

        var draftId = await organization.Owner.CreateResourceAsync(CatalogClient.ResourceBody(organization.Id, title: "초안 자원"));
        await client.PutAsync($"/api/v1/me/favourites/resource/{draftId}", null).ExpectAsync(HttpStatusCode.NotFound);
        var unknown = await client.PutAsync($"/api/v1/me/favourites/meeting/{circleId}", null).ExpectAsync(HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").TryGetProperty("type", out var _).ShouldBeTrue();
        (await ListAsync(client)).Count.ShouldBe(3);

        await client.DeleteAsync($"/api/v1/me/favourites/resource/{resourceId}").ExpectAsync(HttpStatusCode.NoContent);
        await client.DeleteAsync($"/api/v1/me/favourites/resource/{resourceId}").ExpectAsync(HttpStatusCode.NotFound);
        (await ListAsync(client)).Select(f => f.Type).ShouldBe(["circle", "lab"]);
    }

    [Fact]
    public async Task Twenty_saves_of_the_same_favourite_at_once_leave_exactly_one_row()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var person = await _app.PersonAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => person.Client.PutAsync($"/api/v1/me/favourites/resource/{resourceId}", null)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(19);
        (await _app.QueryAsync(db => db.Favourites.CountAsync(f => f.UserId == person.Id && f.SubjectId == resourceId))).ShouldBe(1);
        foreach (var answer in answers)
            answer.Dispose();
    }

    [Fact]
    public async Task A_suspended_resource_leaves_the_list_and_cannot_be_saved_until_it_is_restored()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var _ = organization;
        using var person = await _app.PersonAsync();
        using var admin = await _app.AdministratorAsync();
        await person.Client.PutAsync($"/api/v1/me/favourites/resource/{resourceId}", null).ExpectAsync(HttpStatusCode.Created);

        await admin.DecideAsync("resources", resourceId, "suspend", "안전 점검");
        (await ListAsync(person.Client)).ShouldBeEmpty();
        using var other = await _app.PersonAsync();
        await other.Client.PutAsync($"/api/v1/me/favourites/resource/{resourceId}", null).ExpectAsync(HttpStatusCode.NotFound);

        await admin.DecideAsync("resources", resourceId, "restore", "점검 완료");
        (await ListAsync(person.Client)).ShouldHaveSingleItem().Id.ShouldBe(resourceId);
    }

    [Fact]
    public async Task A_new_meeting_of_a_favourite_circle_tells_those_who_keep_it_once_in_their_language_and_by_email_only_if_they_did_not_turn_it_off()
    {
        var (host, circleId, members) = await _app.CircleWithMembersAsync(1);
        using var _ = host;
        var member = members[0];
        using var english = await _app.PersonAsync(Language.English);
        using var quiet = await _app.PersonAsync();
        await quiet.Client.PutAsJsonAsync("/api/v1/me/notification-settings", new { emailsOff = FavouriteMeetingsOff }).ExpectAsync(HttpStatusCode.OK);
        foreach (var keeper in new[] { host, member, english, quiet })
            await keeper.Client.PutAsync($"/api/v1/me/favourites/circle/{circleId}", null).ExpectAsync(HttpStatusCode.Created);

        var meetingId = await host.Client.ScheduledAsync(circleId, _app.NextHalfHour(TimeSpan.FromDays(4)), title: "공유경제 읽기 모임");

        (await english.NotificationsAsync("favouriteCircleMeeting", meetingId)).ShouldHaveSingleItem().Title()
            .ShouldBe("New meeting of '공유경제 입문 스터디', in your favourites: 공유경제 읽기 모임");
        (await _app.OutgoingEmailsToAsync(english.Email)).ShouldHaveSingleItem().Body.ShouldContain($"/Meetings/Details/{meetingId}");
        (await quiet.NotificationsAsync("favouriteCircleMeeting", meetingId)).ShouldHaveSingleItem().Title().ShouldStartWith("관심 동아리 '공유경제 입문 스터디'의 새 모임");
        (await _app.OutgoingEmailsToAsync(quiet.Email)).ShouldBeEmpty();
        (await member.NotificationsAsync("favouriteCircleMeeting", meetingId)).ShouldBeEmpty();
        (await member.NotificationsAsync("meetingScheduled", meetingId)).ShouldHaveSingleItem();
        (await host.NotificationsAsync("favouriteCircleMeeting", meetingId)).ShouldBeEmpty();
        members.DisposeAll();
    }

    [Fact]
    public async Task The_save_button_of_a_circle_page_puts_it_on_my_favourites_page_and_the_list_takes_it_out()
    {
        var (host, circleId, _) = await _app.CircleWithMembersAsync(0);
        using var __ = host;
        using var person = await _app.PersonAsync();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);
        var details = $"/Circles/Details/{circleId}";

        var saved = await SubmitAsync(site, details, "handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe(details);
        var page = WebUtility.HtmlDecode(await site.GetStringAsync(details));
        page.ShouldContain("관심 목록에 담았습니다.");
        page.ShouldContain("★ 관심 목록에 담겨 있습니다.");
        var list = WebUtility.HtmlDecode(await site.GetStringAsync("/Favourites"));
        list.ShouldContain($"<a href=\"{details}\">공유경제 입문 스터디</a>");

        var removed = await SubmitAsync(site, "/Favourites", "handler=Remove");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await site.GetStringAsync("/Favourites?culture=en"));
        after.ShouldContain("Removed from your favourites.");
        after.ShouldContain("Nothing saved yet.");
        (await _app.QueryAsync(db => db.Favourites.AnyAsync(f => f.UserId == person.Id && f.SubjectType == FavouriteSubject.Circle))).ShouldBeFalse();
    }

    /// <summary>Submits, unchanged, the form of <paramref name="path"/> whose markup holds <paramref name="marker"/>, to where it posts.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient site, string path, string marker)
    {
        var html = await site.GetStringAsync(path);
        var form = FormTag().Matches(html).Select(m => m.Value).First(f => f.Contains(marker, StringComparison.Ordinal));
        var action = WebUtility.HtmlDecode(Action().Match(form).Groups[1].Value);
        var fields = PageForms.FieldsOf(html, marker);
        fields["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value;
        return await site.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<form[\\s\\S]*?</form>")]
    private static partial Regex FormTag();

    [GeneratedRegex("<form[^>]*\\saction=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
