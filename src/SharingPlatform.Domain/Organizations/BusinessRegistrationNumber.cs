namespace SharingPlatform.Domain.Organizations;

/// <summary>
/// The business registration number (saeopja deungnok beonho): ten digits, written 123-45-67890, whose last digit is a check digit over the first nine
/// (weights 1 3 7 1 3 7 1 3 5, plus the tens of the ninth digit times five).
/// </summary>
public readonly record struct BusinessRegistrationNumber
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    private BusinessRegistrationNumber(string digits) => Digits = digits;

    /// <summary>The ten digits, without dashes: how it is stored.</summary>
    public string Digits { get; }

    public static BusinessRegistrationNumber Parse(string input) =>
        TryParse(input, out var number)
            ? number
            : throw new DomainRuleException("invalid_business_registration_number",
                "A business registration number has ten digits (123-45-67890) and a valid check digit.");

    public static bool TryParse(string? input, out BusinessRegistrationNumber number)
    {
        number = default;
        var digits = new string((input ?? "").Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || !HasValidCheckDigit(digits))
            return false;
        number = new BusinessRegistrationNumber(digits);
        return true;
    }

    public override string ToString() => Digits is null ? "" : $"{Digits[..3]}-{Digits[3..5]}-{Digits[5..]}";

    private static bool HasValidCheckDigit(string digits)
    {
        var d = digits.Select(c => c - '0').ToArray();
        var sum = Weights.Select((weight, i) => weight * d[i]).Sum() + d[8] * 5 / 10;
        return (10 - sum % 10) % 10 == d[9];
    }
}
