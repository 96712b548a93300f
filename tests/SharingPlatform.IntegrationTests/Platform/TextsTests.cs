using System.Globalization;
using SharingPlatform.Application.Common;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>Texts reads Resources/Messages(.en).resx: in the current UI culture or a recipient's language, never falling back silently.</summary>
public sealed class TextsTests
{
    [Fact]
    public void A_key_that_is_not_in_the_messages_throws_naming_the_key()
    {
        Should.Throw<InvalidOperationException>(() => Texts.Get("NoSuchKeyAnywhere")).Message.ShouldContain("NoSuchKeyAnywhere");
        Should.Throw<InvalidOperationException>(() => Texts.Get(Language.English, "NoSuchKeyAnywhere")).Message.ShouldContain("NoSuchKeyAnywhere");
    }

    [Fact]
    public void A_recipient_reads_their_own_language_whatever_the_current_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Texts.Get(Language.Korean, "NoticeReason", "x").ShouldBe("\n\n사유: x");
            Texts.Get("NoticeReason", "x").ShouldBe("\n\nReason: x");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
            Texts.Get(Language.English, "NoticeReason", "x").ShouldBe("\n\nReason: x");
            Texts.Get("NoticeReason", "x").ShouldBe("\n\n사유: x");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
