using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Domain.Tests;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Registering_trims_the_email_and_name_and_signs_in_with_the_email()
    {
        var user = User.Register("  minji@example.kr ", "  김민지 ", Language.Korean, Now);

        user.Email.ShouldBe("minji@example.kr");
        user.UserName.ShouldBe("minji@example.kr");
        user.DisplayName.ShouldBe("김민지");
        user.EmailConfirmed.ShouldBeFalse();
        user.RegisteredAt.ShouldBe(Now.ToUniversalTime());
        user.Id.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_display_name_is_refused(string name)
    {
        Should.Throw<DomainRuleException>(() => User.Register("a@example.kr", name, Language.Korean, Now)).Code.ShouldBe("invalid_display_name");
    }

    [Fact]
    public void A_display_name_longer_than_fifty_characters_is_refused()
    {
        var user = User.Register("a@example.kr", "김민지", Language.Korean, Now);

        Should.Throw<DomainRuleException>(() => user.Rename(new string('가', 51)));
        user.DisplayName.ShouldBe("김민지");
    }

    [Theory]
    [InlineData("en", Language.English)]
    [InlineData("en-US", Language.English)]
    [InlineData("ko-KR", Language.Korean)]
    [InlineData(null, Language.Korean)]
    [InlineData("fr", Language.Korean)]
    public void Culture_names_map_to_the_platforms_two_languages_with_Korean_the_default(string? culture, Language expected)
    {
        LanguageCodes.FromCultureName(culture).ShouldBe(expected);
    }
}
