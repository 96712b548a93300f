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

    [Fact]
    public void Suspending_records_when_and_why_and_restoring_clears_both()
    {
        var user = User.Register("a@example.kr", "김민지", Language.Korean, Now);
        var stamp = user.SecurityStamp;

        user.Suspend("  스팸 게시  ", Now);

        user.SecurityStamp.ShouldNotBe(stamp);
        user.IsSuspended.ShouldBeTrue();
        user.SuspendedAt.ShouldBe(Now.ToUniversalTime());
        user.SuspensionReason.ShouldBe("스팸 게시");

        user.Restore(Now.AddDays(1));

        user.IsSuspended.ShouldBeFalse();
        user.SuspendedAt.ShouldBeNull();
        user.SuspensionReason.ShouldBeNull();
    }

    [Fact]
    public void A_suspension_needs_a_reason()
    {
        var user = User.Register("a@example.kr", "김민지", Language.Korean, Now);

        Should.Throw<DomainRuleException>(() => user.Suspend(" ", Now)).Code.ShouldBe("reason_required");
        user.IsSuspended.ShouldBeFalse();
    }

    [Fact]
    public void A_suspended_account_cannot_be_suspended_again_nor_an_active_one_restored()
    {
        var user = User.Register("a@example.kr", "김민지", Language.Korean, Now);

        Should.Throw<IllegalTransitionException>(() => user.Restore(Now)).Code.ShouldBe("user_not_suspended");
        user.Suspend("스팸", Now);
        Should.Throw<IllegalTransitionException>(() => user.Suspend("again", Now)).Code.ShouldBe("user_already_suspended");
        user.SuspensionReason.ShouldBe("스팸");
    }
}
