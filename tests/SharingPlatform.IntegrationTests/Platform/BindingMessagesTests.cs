using System.Net;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>What a page says when a field cannot be read at all ("abc" for a number): by what the field holds, in the page's language.</summary>
[Collection(AppCollection.Name)]
public sealed class BindingMessagesTests(SharedApp shared)
{
    private readonly AppFactory _app = shared.Factory;

    [Theory]
    [InlineData("", "숫자로 입력하세요.", "날짜를 2026-05-01 형식으로 입력하세요.", "시각을 14:00 형식으로 입력하세요.", "목록에서 고르세요.")]
    [InlineData("&culture=en", "Enter a number.", "Enter the date as 2026-05-01.", "Enter the time as 14:00.", "Choose from the list.")]
    public async Task A_search_that_cannot_be_read_names_each_field_in_the_page_language(string culture, string number, string date, string time, string choice)
    {
        using var anonymous = _app.NewClient();

        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Resources?minCapacity=abc&date=May-first&from=noon&to=14:00&category=boats{culture}"));

        html.ShouldContain(number);
        html.ShouldContain(date);
        html.ShouldContain(time);
        html.ShouldContain(choice);
        html.ShouldNotContain("is not valid");
    }
}
