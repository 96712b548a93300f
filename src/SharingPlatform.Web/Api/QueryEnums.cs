namespace SharingPlatform.Web.Api;

/// <summary>Enums in a query string arrive as the JSON's camelCase names (category=space, status=pending).</summary>
public static class QueryEnums
{
    public static TEnum? Parse<TEnum>(string? value, string field)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!value.All(char.IsAsciiDigit) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new ValidationException([new ValidationFailure(field, Texts.Get("ChooseOneOf", allowed))]);
    }
}
