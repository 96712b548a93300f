using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using SharingPlatform.GeneratedClient;
using SharingPlatform.GeneratedClient.Models;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>
/// What an integrator gets from the contract: the client Kiota generated from docs/openapi/v1.json (ApiClient/Generated),
/// used as they would use it, over real HTTP against the running app.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GeneratedClientTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_resident_signs_in_finds_a_free_resource_books_it_reads_and_cancels_and_a_rival_gets_a_typed_refusal()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = $"클라이언트 공간 {CatalogClient.NewHangulWord()}";
        var resourceId = await _app.PublishedResourceAsync(organization, BookingClient.AroundTheClock(organization.Id, title: title));
        var start = BookingClient.Next(DayOfWeek.Tuesday, 10);
        var end = start.AddHours(2);
        using var residentHttp = _app.NewClient();
        using var rivalHttp = _app.NewClient();
        var resident = await SignedInClientAsync(residentHttp);
        var rival = await SignedInClientAsync(rivalHttp);

        var found = await resident.Api.V1.Resources.GetAsync(r =>
        {
            r.QueryParameters.Q = title;
            r.QueryParameters.FreeOnly = true;
            r.QueryParameters.AvailableFrom = start;
            r.QueryParameters.AvailableTo = end;
        });
        var resource = found!.Items!.ShouldHaveSingleItem();
        resource.Id.ShouldBe(resourceId);
        resource.IsFree.ShouldBe(true);

        var booked = await resident.Api.V1.Bookings.PostAsync(new CreateBooking { ResourceId = resourceId, StartsAt = start, EndsAt = end, Attendees = 2, Purpose = "공유경제 스터디" });
        booked!.Status.ShouldBe(BookingStatus.Confirmed);
        var read = await resident.Api.V1.Bookings[booked.Id!.Value].GetAsync();
        read!.ResourceTitle.ShouldBe(title);
        read.StartsAt.ShouldBe(start);
        read.EndsAt.ShouldBe(end);

        var refusal = await Should.ThrowAsync<Problem>(() =>
            rival.Api.V1.Bookings.PostAsync(new CreateBooking { ResourceId = resourceId, StartsAt = start.AddHours(1), EndsAt = end.AddHours(1), Attendees = 1, Purpose = "겹치는 예약" }));
        refusal.ResponseStatusCode.ShouldBe(409);
        refusal.Code.ShouldBe("period_taken");
        refusal.Detail.ShouldNotBeNullOrWhiteSpace();

        var cancelled = await resident.Api.V1.Bookings[booked.Id.Value].Cancel.PostAsync(new ReasonRequest { Reason = "일정 변경" });
        cancelled!.Status.ShouldBe(BookingStatus.Cancelled);
        (await resident.Api.V1.Bookings[booked.Id.Value].GetAsync())!.Status.ShouldBe(BookingStatus.Cancelled);
        (await rival.Api.V1.Bookings.PostAsync(new CreateBooking { ResourceId = resourceId, StartsAt = start, EndsAt = end, Attendees = 1, Purpose = "빈 시간 예약" }))!
            .Status.ShouldBe(BookingStatus.Confirmed);
    }

    /// <summary>A confirmed account (made as other tests make one) that signs in through the generated client.</summary>
    private async Task<SharingPlatformClient> SignedInClientAsync(HttpClient http)
    {
        var email = ApiClient.NewEmail();
        (await _app.SignedInResidentAsync(email)).Dispose();
        var token = new BearerToken();
        var client = new SharingPlatformClient(new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(token), httpClient: http)
        {
            BaseUrl = _app.ServerAddress.GetLeftPart(UriPartial.Authority),
        });

        var signedIn = await client.Api.V1.Auth.Login.PostAsync(new LoginRequest { Email = email, Password = ApiClient.Password });
        token.Value = signedIn!.AccessToken;
        token.Value.ShouldNotBeNullOrWhiteSpace();
        return client;
    }

    private sealed class BearerToken : IAccessTokenProvider
    {
        public string? Value { get; set; }

        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Value ?? "");
    }
}
