using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Domain.Tests;

public sealed class BusinessRegistrationNumberTests
{
    [Theory]
    [InlineData("124-81-00998", "1248100998")]
    [InlineData("2208162517", "2208162517")]
    [InlineData(" 214-86-39239 ", "2148639239")]
    public void A_number_with_a_valid_check_digit_is_accepted_with_or_without_dashes(string input, string digits)
    {
        var number = BusinessRegistrationNumber.Parse(input);

        number.Digits.ShouldBe(digits);
        number.ToString().ShouldBe($"{digits[..3]}-{digits[3..5]}-{digits[5..]}");
    }

    [Theory]
    [InlineData("124-81-00997")] // check digit off by one
    [InlineData("101-86-12345")]
    [InlineData("124-81-0099")] // nine digits
    [InlineData("124-81-009981")] // eleven digits
    [InlineData("12a-81-00998")]
    [InlineData("")]
    [InlineData(null)]
    public void A_malformed_number_or_a_wrong_check_digit_is_refused(string? input)
    {
        BusinessRegistrationNumber.TryParse(input, out _).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => BusinessRegistrationNumber.Parse(input!)).Code.ShouldBe("invalid_business_registration_number");
    }
}
