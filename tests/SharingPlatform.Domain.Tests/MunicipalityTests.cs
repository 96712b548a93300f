using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Municipalities;

namespace SharingPlatform.Domain.Tests;

public sealed class MunicipalityTests
{
    [Fact]
    public void Jeonbuk_has_fourteen_municipalities_with_the_codes_of_the_API()
    {
        Municipality.All.Select(m => m.Code).ShouldBe(
            ["jeonju", "gunsan", "iksan", "jeongeup", "namwon", "gimje", "wanju", "jinan", "muju", "jangsu", "imsil", "sunchang", "gochang", "buan"]);
        Municipality.All.Select(m => m.KoreanName).Distinct().Count().ShouldBe(14);
    }

    [Fact]
    public void A_code_resolves_to_its_official_Korean_name()
    {
        var jeonju = Municipality.FromCode("jeonju");

        jeonju.KoreanName.ShouldBe("전주시");
        Municipality.FromCode("buan").KoreanName.ShouldBe("부안군");
    }

    [Theory]
    [InlineData("seoul")]
    [InlineData("Jeonju")]
    [InlineData("")]
    public void A_place_outside_the_list_is_refused(string code)
    {
        Municipality.IsKnown(code).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => Municipality.FromCode(code)).Code.ShouldBe("unknown_municipality");
    }
}
