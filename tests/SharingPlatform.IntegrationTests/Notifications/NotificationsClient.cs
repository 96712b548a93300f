using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Domain.Users;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Notifications;

/// <summary>Someone signed in through the API whose id and email address a test needs (their inbox, their mail).</summary>
public sealed record Person(HttpClient Client, Guid Id, string Email, string DisplayName) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>What people do with their notifications through the API, and the builders the notification tests share.</summary>
public static class NotificationsClient
{
    /// <summary>
    /// Confirmed accounts made through the app's UserManager (registration and its email are what other tests check),
    /// each signed in through the API as usual.
    /// </summary>
    public static async Task<Person[]> PeopleAsync(
        this AppFactory app, int count, Language language = Language.Korean, string displayName = "테스트 주민", string? role = null)
    {
        var people = new List<(string Email, Guid Id)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            for (var i = 0; i < count; i++)
            {
                var email = ApiClient.NewEmail(role is null ? "person" : "admin");
                var user = User.Register(email, displayName, language, DateTimeOffset.UtcNow);
                user.EmailConfirmed = true;
                var created = await users.CreateAsync(user, ApiClient.Password);
                created.Succeeded.ShouldBeTrue(string.Join(", ", created.Errors.Select(e => e.Description)));
                if (role is not null)
                    (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
                people.Add((email, user.Id));
            }
        }

        return await Task.WhenAll(people.Select(async p =>
        {
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.LoginAsync(p.Email, ApiClient.Password));
            return new Person(client, p.Id, p.Email, displayName);
        }));
    }

    public static async Task<Person> PersonAsync(this AppFactory app, Language language = Language.Korean, string displayName = "테스트 주민") =>
        (await app.PeopleAsync(1, language, displayName))[0];

    /// <summary>Another administrator besides the seeded one.</summary>
    public static async Task<Person> AdministratorPersonAsync(this AppFactory app) =>
        (await app.PeopleAsync(1, displayName: "두번째 관리자", role: Roles.Administrator))[0];

    /// <summary>The signed-in person's inbox: <c>{unreadCount, notifications: {items, page, pageSize, totalCount}}</c>.</summary>
    public static async Task<JsonElement> InboxAsync(this HttpClient client, bool unreadOnly = false, int page = 1, int pageSize = 100) =>
        await client.GetAsync($"/api/v1/notifications?unreadOnly={(unreadOnly ? "true" : "false")}&page={page}&pageSize={pageSize}")
            .ExpectAsync(HttpStatusCode.OK);

    public static IReadOnlyList<JsonElement> Items(this JsonElement inbox) =>
        inbox.GetProperty("notifications").GetProperty("items").EnumerateArray().ToList();

    public static int UnreadCount(this JsonElement inbox) => inbox.GetProperty("unreadCount").GetInt32();

    public static string Kind(this JsonElement notification) => notification.GetProperty("kind").GetString()!;

    public static string Title(this JsonElement notification) => notification.GetProperty("title").GetString()!;

    public static string Body(this JsonElement notification) => notification.GetProperty("body").GetString()!;

    public static string Link(this JsonElement notification) => notification.GetProperty("link").GetString()!;

    /// <summary>What a notification is about: the id its link ends with (<c>/Bookings/…/{id}</c>).</summary>
    public static Guid SubjectId(this JsonElement notification)
    {
        var link = notification.Link();
        return Guid.TryParse(link[(link.LastIndexOf('/') + 1)..], out var id) ? id : Guid.Empty;
    }

    /// <summary>The notifications of one kind (camelCase, as the API writes it), about <paramref name="subjectId"/> when given (by their link).</summary>
    public static IReadOnlyList<JsonElement> OfKind(this JsonElement inbox, string kind, Guid? subjectId = null) =>
        inbox.Items().Where(n => n.Kind() == kind && (subjectId is null || n.SubjectId() == subjectId)).ToList();

    /// <summary>The notifications of one kind about <paramref name="subjectId"/> in the person's inbox, as they see it now.</summary>
    public static async Task<IReadOnlyList<JsonElement>> NotificationsAsync(this Person person, string kind, Guid? subjectId = null) =>
        (await person.Client.InboxAsync()).OfKind(kind, subjectId);

    /// <summary>The emails the platform wrote to <paramref name="address"/> (the outbox rows, committed with the notification).</summary>
    public static Task<List<(string Subject, string Body, DateTimeOffset? SentAt)>> OutgoingEmailsToAsync(this AppFactory app, string address) =>
        app.QueryAsync(async db => (await db.OutgoingEmails.Where(e => e.To == address).OrderBy(e => e.CreatedAt)
                .Select(e => new { e.Subject, e.TextBody, e.SentAt }).ToListAsync())
            .Select(e => (e.Subject, e.TextBody, e.SentAt)).ToList());

    /// <summary>
    /// Runs the dispatcher <paramref name="times"/> times as the recurring job runs it, with the app's clock at
    /// <paramref name="instant"/>, then waits until every reminder due by then is delivered: the shared host's own
    /// recurring dispatcher may run in that moment too, take some of them (SKIP LOCKED) and still be committing.
    /// </summary>
    public static async Task DispatchRemindersAtAsync(this AppFactory app, DateTimeOffset instant, int times = 1)
    {
        using (app.Clock.Travel(instant - app.Clock.GetUtcNow()))
        {
            for (var i = 0; i < times; i++)
                await app.SendAsync(new DispatchReminders());
        }

        await app.RemindersDeliveredAsync(instant);
    }

    /// <summary>Waits (a minute at most) until no reminder due by <paramref name="instant"/> is left unsent.</summary>
    public static async Task RemindersDeliveredAsync(this AppFactory app, DateTimeOffset instant)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await app.QueryAsync(db => db.Reminders.AnyAsync(r => r.SentAt == null && r.DueAt <= instant)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Reminders due by {instant:O} are still unsent.");
            await Task.Delay(100);
        }
    }

    /// <summary>A verified organization with a staff member besides its owner, both signed in.</summary>
    public static async Task<(VerifiedOrganization Organization, Person Owner, Person Staff)> OrganizationWithStaffAsync(this AppFactory app)
    {
        var organization = await app.VerifiedOrganizationAsync();
        var me = await organization.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var owner = new Person(organization.Owner, me.GetProperty("id").GetGuid(), organization.OwnerEmail, "김대표");
        var staff = await app.PersonAsync(displayName: "이직원");
        await organization.Owner.AddMemberAsync(organization.Id, staff.Client, staff.Email);
        return (organization, owner, staff);
    }

    /// <summary>A published resource anyone may book around the clock, confirmed at once.</summary>
    public static async Task<(VerifiedOrganization Organization, Guid ResourceId)> AutomaticResourceAsync(
        this AppFactory app, Action<JsonObject>? changePolicy = null)
    {
        var organization = await app.VerifiedOrganizationAsync();
        var body = BookingClient.AroundTheClock(organization.Id);
        changePolicy?.Invoke(body["policy"]!.AsObject());
        return (organization, await app.PublishedResourceAsync(organization, body));
    }
}
