using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

[Collection(AppCollection.Name)]
public sealed partial class NotificationSettingsTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    private static object EmailsOff(params string[] kinds) => new { emailsOff = kinds };

    private static Dictionary<string, bool> Emails(JsonElement settings) =>
        settings.GetProperty("emails").EnumerateArray().ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("email").GetBoolean());

    [Fact]
    public async Task A_kind_turned_off_still_lands_in_the_inbox_but_sends_no_email_while_the_other_kinds_still_do()
    {
        var (organization, resourceId) = await _app.AutomaticResourceAsync();
        using var owner = organization;
        using var person = await _app.PersonAsync();
        var before = Emails(await person.Client.GetAsync("/api/v1/me/notification-settings").ExpectAsync(HttpStatusCode.OK));
        before.ShouldContainKeyAndValue("bookingConfirmed", true);
        before.ShouldContainKeyAndValue("bookingReminder", true);

        var chosen = Emails(await person.Client.PutAsJsonAsync("/api/v1/me/notification-settings", EmailsOff("bookingConfirmed"))
            .ExpectAsync(HttpStatusCode.OK));
        chosen.ShouldContainKeyAndValue("bookingConfirmed", false);
        chosen.ShouldContainKeyAndValue("bookingReminder", true);
        Emails(await person.Client.GetAsync("/api/v1/me/notification-settings").ExpectAsync(HttpStatusCode.OK)).ShouldBe(chosen);

        var start = _app.NextHalfHour(TimeSpan.FromDays(2));
        var bookingId = await person.Client.BookedAsync(resourceId, start, start.AddHours(1));

        (await person.NotificationsAsync("bookingConfirmed", bookingId)).ShouldHaveSingleItem();
        (await _app.OutgoingEmailsToAsync(person.Email)).ShouldBeEmpty();

        // The day-before reminder is a kind still on: it comes by email, and it is the only email this person gets.
        await _app.DispatchRemindersAtAsync(start.AddHours(-24).AddMinutes(5));
        (await person.NotificationsAsync("bookingReminder", bookingId)).ShouldHaveSingleItem();
        (await _app.OutgoingEmailsToAsync(person.Email)).ShouldHaveSingleItem().Subject.ShouldStartWith("[공유경제 플랫폼] 예약 알림");
        await _app.Mailbox.WaitForAsync(person.Email, m => (m.Subject ?? "").Contains("예약 알림", StringComparison.Ordinal));
        _app.Mailbox.To(person.Email).ShouldNotContain(m => (m.Subject ?? "").Contains("예약 확정", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_and_the_settings_stay_as_they_were()
    {
        using var person = await _app.PersonAsync();
        await person.Client.PutAsJsonAsync("/api/v1/me/notification-settings", EmailsOff("bookingReminder")).ExpectAsync(HttpStatusCode.OK);

        using var refused = await person.Client.PutAsJsonAsync("/api/v1/me/notification-settings", EmailsOff("everything"));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var settings = Emails(await person.Client.GetAsync("/api/v1/me/notification-settings").ExpectAsync(HttpStatusCode.OK));
        settings.Where(s => !s.Value).Select(s => s.Key).ShouldBe(["bookingReminder"]);
    }

    [Fact]
    public async Task The_settings_page_offers_every_kind_a_resident_can_receive_and_a_loan_kind_turned_off_there_sends_no_email()
    {
        using var person = await _app.PersonAsync();
        var kinds = Emails(await person.Client.GetAsync("/api/v1/me/notification-settings").ExpectAsync(HttpStatusCode.OK)).Keys
            .Where(k => k != "reviewDigest").ToList();
        using var site = _app.NewClient(followRedirects: false);
        await site.SignInAsync(person.Email, ApiClient.Password);

        var page = await site.GetStringAsync("/Account/Notifications");

        var offered = CheckboxIds().Matches(page).Select(m => m.Groups[1].Value).ToList();
        offered.Select(k => k.ToLowerInvariant()).Order().ShouldBe(kinds.Select(k => k.ToLowerInvariant()).Order());
        var keep = offered.Where(k => k != "LoanOverdue").Select(k => new KeyValuePair<string, string>("Emails", k)).ToList();
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        keep.Add(new("__RequestVerificationToken", token));
        (await site.PostAsync("/Account/Notifications", new FormUrlEncodedContent(keep))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var settings = Emails(await person.Client.GetAsync("/api/v1/me/notification-settings").ExpectAsync(HttpStatusCode.OK));
        settings.Where(s => !s.Value).Select(s => s.Key).ShouldBe(["loanOverdue"]);
    }

    [GeneratedRegex("id=\"email-([A-Za-z]+)\"")]
    private static partial Regex CheckboxIds();
}
