using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>What people wrote in Korean is marked Korean on the English pages, so that a screen reader reads it right.</summary>
[Collection(AppCollection.Name)]
public sealed class ContentLanguageTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Fact]
    public async Task A_Korean_title_is_lang_ko_on_the_English_page_and_plain_on_the_Korean_one()
    {
        using var organization = await _app.VerifiedOrganizationAsync();
        var title = $"{CatalogClient.NewHangulWord()} 회의실";
        var id = await _app.PublishedResourceAsync(organization, CatalogClient.ResourceBody(organization.Id, title: title));
        using var anonymous = _app.NewClient();

        (await anonymous.GetStringAsync($"/Resources/Details/{id}?culture=en")).ShouldContain($"<h1 lang=\"ko\">{title}</h1>");
        (await anonymous.GetStringAsync($"/Resources/Details/{id}")).ShouldContain($"<h1>{title}</h1>");
        (await anonymous.GetStringAsync($"/Resources?q={Uri.EscapeDataString(title)}&culture=en")).ShouldContain("<h3 class=\"h5 mb-1\" lang=\"ko\">");
    }
}
